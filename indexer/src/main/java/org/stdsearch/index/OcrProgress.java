package org.stdsearch.index;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.extract.ocr.PageOcr;

/**
 * Progress of an OCR pass, so that a pass of hundreds of scanned pages is never silent: a log
 * line at most every {@link #INTERVAL_NANOS} with the pages done and to do, the rate and the
 * time left, and one line per finished document. Thread-safe: the pass recognises several
 * documents at once.
 */
final class OcrProgress {
  private static final Logger log = LoggerFactory.getLogger(OcrProgress.class);
  static final long INTERVAL_NANOS = 10_000_000_000L;

  private final int documents;
  private final int pagesToDo;
  private final LongSupplier clock;
  private final long started;
  private final AtomicInteger pagesDone = new AtomicInteger();
  private final AtomicInteger documentsDone = new AtomicInteger();
  private final ConcurrentHashMap<String, Integer> perDocument = new ConcurrentHashMap<>();
  private volatile long lastLog;

  /**
   * @param documents documents in the pass
   * @param pagesToDo pages to recognise in all of them
   */
  OcrProgress(int documents, int pagesToDo) {
    this(documents, pagesToDo, System::nanoTime);
  }

  OcrProgress(int documents, int pagesToDo, LongSupplier clock) {
    this.documents = documents;
    this.pagesToDo = pagesToDo;
    this.clock = clock;
    this.started = clock.getAsLong();
    this.lastLog = started;
    log.info("OCR pass: {} documents, {} pages to recognise", documents, pagesToDo);
  }

  /** The listener for one document's pages. */
  PageOcr.PageListener forDocument(String relativePath) {
    return (page, pages) -> {
      Integer before = perDocument.put(relativePath, page);
      pagesDone.addAndGet(page - (before == null ? 0 : before));
      long now = clock.getAsLong();
      long last = lastLog;
      if (now - last >= INTERVAL_NANOS && setLastLog(last, now)) {
        log.info(line(now, relativePath, page, pages));
      }
    };
  }

  private synchronized boolean setLastLog(long expected, long now) {
    if (lastLog != expected) {
      return false;
    }
    lastLog = now;
    return true;
  }

  /** One document finished (recognised, failed or timed out). */
  void documentDone(String relativePath, int pages, String status) {
    int done = documentsDone.incrementAndGet();
    log.info("OCR: {} done ({}, {} pages); {} of {} documents", relativePath, status, pages, done, documents);
  }

  /** The progress line: pages done of to do, documents, rate, time left. */
  String line(long now, String relativePath, int page, int pages) {
    int done = pagesDone.get();
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    double rate = done / seconds;
    String left = rate <= 0 || done == 0 ? "unknown" : duration((pagesToDo - done) / rate);
    return String.format(Locale.ROOT, "OCR pass: %d of %d pages, %d of %d documents, %.2f pages/s, %s left (%s: page %d of %d)",
        done, pagesToDo, documentsDone.get(), documents, rate, left, relativePath, page, pages);
  }

  int pagesDone() {
    return pagesDone.get();
  }

  private static String duration(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60)
        : s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
  }
}
