package org.stdsearch.classify;

import java.util.List;

/** PLACEHOLDER until the classifier lands. */
public record ClassificationInput(String titleZh, String titleEn, String text, List<String> ics, List<String> ccs, List<String> terms) {}
