package org.stdsearch.extract.ocr;

import java.util.List;

/**
 * The text recognised on each page of one document.
 *
 * @param texts text per page, in page order; a failed page, and a page not to be recognised, has
 *     empty text
 * @param selected 1-based numbers of the pages to be recognised (all pages unless the text layer
 *     of the others serves)
 * @param recognised pages with a result (from Tesseract or the cache)
 * @param fromCache pages whose text came from the cache
 * @param tesseractCalls pages Tesseract was run on
 * @param seconds wall-clock time spent rendering and recognising
 * @param failures one reason per failed page, e.g. "page 3: tesseract timed out after 120 s (killed)"
 * @param coverReading page 1 of a PDF read again at {@link PageOcr#coverDpi}, or null (an image
 *     file, or that reading failed, which {@code failures} then says)
 */
public record OcrPages(List<String> texts, List<Integer> selected, int recognised, int fromCache, int tesseractCalls, double seconds,
    List<String> failures, String coverReading) {

  public OcrPages {
    texts = List.copyOf(texts);
    selected = List.copyOf(selected);
    failures = List.copyOf(failures);
  }

  public int pageCount() {
    return texts.size();
  }
}
