package org.stdsearch.search;

/**
 * The indexing pass a backend runs now: searches during it cover only what is indexed so far, and
 * say so. Files done of the files found, then, for scanned documents, pages recognised of the
 * pages to recognise (corrected as each document's own count is known).
 *
 * @param phase {@code starting} (the folder is being walked), {@code files} or {@code ocr}
 */
public record IndexingStatus(String phase, int filesDone, int filesTotal, int ocrDocumentsDone,
    int ocrDocumentsTotal, int ocrPagesDone, int ocrPagesTotal) {}
