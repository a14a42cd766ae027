package org.stdsearch.search;

import java.util.Map;

/**
 * Size and freshness of the index a backend answers from.
 *
 * @param documents standards in the index
 * @param byStatus standards per status (current, upcoming, superseded, withdrawn) as of today
 * @param byExtraction standards per extraction status (ok, ocr, failed, ...)
 * @param indexBytes bytes the index takes
 * @param lastCommit the backend's description of the last durable change, or null
 */
public record IndexStats(long documents, Map<String, Long> byStatus, Map<String, Long> byExtraction,
    long indexBytes, String lastCommit) {}
