package org.stdsearch.index;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far the indexing pass that runs now has got, for whoever wants to tell people (the server's
 * stats, its search responses and page): files done of the files found, then, in the OCR pass,
 * pages recognised of the pages of the documents waiting for it. Written by the pass's threads,
 * read at any time.
 */
public final class IndexingProgress {
  /** Before the files are known: the folder is being walked. */
  public static final String STARTING = "starting";
  /** Text extraction of the files found. */
  public static final String FILES = "files";
  /** Recognition of scanned pages, after the files. */
  public static final String OCR = "ocr";

  /**
   * One reading. {@code ocrPagesTotal} starts from the page counts the first pass saw and is
   * corrected as each document's own count arrives.
   *
   * @param phase {@link #STARTING}, {@link #FILES} or {@link #OCR}
   */
  public record Snapshot(String phase, int filesDone, int filesTotal, int ocrDocumentsDone, int ocrDocumentsTotal,
      int ocrPagesDone, int ocrPagesTotal) {}

  private volatile boolean running;
  private volatile String phase = FILES;
  private final AtomicInteger filesDone = new AtomicInteger();
  private final AtomicInteger filesTotal = new AtomicInteger();
  private final AtomicInteger ocrDocumentsDone = new AtomicInteger();
  private final AtomicInteger ocrDocumentsTotal = new AtomicInteger();
  private final AtomicInteger ocrPagesDone = new AtomicInteger();
  private final AtomicInteger ocrPagesTotal = new AtomicInteger();
  /** Per document in the OCR pass: {pages expected, pages reported}. */
  private final Map<String, int[]> ocrDocuments = new ConcurrentHashMap<>();

  /** The state of the pass running now, or null when none runs. */
  public Snapshot snapshot() {
    if (!running) {
      return null;
    }
    return new Snapshot(phase, filesDone.get(), filesTotal.get(), ocrDocumentsDone.get(), ocrDocumentsTotal.get(),
        ocrPagesDone.get(), ocrPagesTotal.get());
  }

  void begin(int files) {
    phase = FILES;
    filesDone.set(0);
    filesTotal.set(files);
    ocrDocumentsDone.set(0);
    ocrDocumentsTotal.set(0);
    ocrPagesDone.set(0);
    ocrPagesTotal.set(0);
    ocrDocuments.clear();
    running = true;
  }

  int fileDone() {
    return filesDone.incrementAndGet();
  }

  /** The OCR pass starts with these documents and the pages each is expected to have. */
  void beginOcr(Map<String, Integer> expectedPages) {
    expectedPages.forEach((path, pages) -> ocrDocuments.put(path, new int[] {Math.max(1, pages), 0}));
    ocrDocumentsTotal.set(expectedPages.size());
    ocrPagesTotal.set(ocrDocuments.values().stream().mapToInt(p -> p[0]).sum());
    phase = OCR;
  }

  /** Page {@code page} of {@code pages} of one document is recognised (or failed: it is done either way). */
  void ocrPage(String path, int page, int pages) {
    int[] doc = ocrDocuments.computeIfAbsent(path, p -> new int[] {pages, 0});
    synchronized (doc) {
      if (pages != doc[0]) {
        ocrPagesTotal.addAndGet(pages - doc[0]);
        doc[0] = pages;
      }
      if (page > doc[1]) {
        ocrPagesDone.addAndGet(page - doc[1]);
        doc[1] = page;
      }
    }
  }

  /** A document left the OCR pass; pages it never reported (it failed or timed out) count as done. */
  void ocrDocumentDone(String path) {
    int[] doc = ocrDocuments.get(path);
    if (doc != null) {
      synchronized (doc) {
        ocrPagesDone.addAndGet(doc[0] - doc[1]);
        doc[1] = doc[0];
      }
    }
    ocrDocumentsDone.incrementAndGet();
  }

  void end() {
    running = false;
  }
}
