package org.stdsearch.index;

import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a run: kept in an {@link IndexingProgress} that others read, and shown as a bar on a
 * terminal or a log line every {@link #LOG_EVERY_NANOS} (files, then OCR pages), so that neither
 * the text pass nor a long OCR pass is ever silent.
 */
final class Progress implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Progress.class);
  static final long LOG_EVERY_NANOS = 10_000_000_000L;

  /** How a run shows its progress. */
  interface View {
    default void file(IndexingProgress.Snapshot s, String path) {}

    default void ocrPage(IndexingProgress.Snapshot s) {}

    default void filesDone() {}

    default void close() {}
  }

  private final IndexingProgress state;
  private final View view;

  private Progress(IndexingProgress state, View view) {
    this.state = state;
    this.view = view;
  }

  /**
   * On JDK 22+ {@code System.console()} exists even when output is redirected and {@code
   * isTerminal()} tells; on JDK 21 a non-null console already means a terminal.
   */
  static boolean onTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  static Progress start(IndexerConfig.ProgressDisplay display, IndexingProgress state, int files) {
    state.begin(files);
    View view = switch (display) {
      case OFF -> new View() { };
      case AUTO -> onTerminal() ? new Bar(files) : new LogLines();
      case LOG -> new LogLines();
    };
    return new Progress(state, view);
  }

  void step(String path) {
    state.fileDone();
    view.file(state.snapshot(), path);
  }

  /** The text pass is over (its bar closes; the OCR pass may follow). */
  void filesDone() {
    view.filesDone();
  }

  void ocrBegin(Map<String, Integer> expectedPages) {
    state.beginOcr(expectedPages);
    IndexingProgress.Snapshot s = state.snapshot();
    log.info("OCR pass: {} without a text layer, about {}", count(s.ocrDocumentsTotal(), "document"),
        count(s.ocrPagesTotal(), "page"));
  }

  void ocrPage(String path, int page, int pages) {
    state.ocrPage(path, page, pages);
    view.ocrPage(state.snapshot());
  }

  void ocrDocumentDone(String path) {
    state.ocrDocumentDone(path);
    view.ocrPage(state.snapshot());
  }

    /** ", 0.41 pages/s, about 15 min left", or nothing before a rate can be told. */
  static String rate(int pages, long nanos, int left) {
    if (pages <= 0 || nanos <= 0) {
      return "";
    }
    double perSecond = pages / (nanos / 1e9);
    long seconds = Math.round(Math.max(0, left) / perSecond);
    String eta = seconds >= 3600 ? String.format(java.util.Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60)
        : seconds >= 60 ? (seconds + 30) / 60 + " min" : seconds + " s";
    return String.format(java.util.Locale.ROOT, ", %.2f pages/s, about %s left", perSecond, eta);
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  @Override
  public void close() {
    view.filesDone();
    view.close();
    state.end();
  }

  /**
   * "indexed 120 of 4,000 files" and "OCR: 37 of 412 pages (3 of 17 documents), 0.41 pages/s,
   * about 15 min left", at most every 10 s.
   */
  private static final class LogLines implements View {
    private long lastLog = System.nanoTime();
    /** When the first OCR report came: the rate is pages since then over the time since then. */
    private long ocrSince;
    private int ocrPagesAtStart;

    @Override
    public synchronized void file(IndexingProgress.Snapshot s, String path) {
      if (due() || s.filesDone() == s.filesTotal()) {
        log.info("indexed {} of {} files (last: {})", s.filesDone(), s.filesTotal(), path);
      }
    }

    @Override
    public synchronized void ocrPage(IndexingProgress.Snapshot s) {
      long now = System.nanoTime();
      if (ocrSince == 0) {
        ocrSince = now;
        ocrPagesAtStart = s.ocrPagesDone();
      }
      if (due() || s.ocrDocumentsDone() == s.ocrDocumentsTotal()) {
        log.info("OCR: {} of {} ({} of {}){}", s.ocrPagesDone(), count(s.ocrPagesTotal(), "page"),
            s.ocrDocumentsDone(), count(s.ocrDocumentsTotal(), "document"),
            rate(s.ocrPagesDone() - ocrPagesAtStart, now - ocrSince, s.ocrPagesTotal() - s.ocrPagesDone()));
      }
    }

    private boolean due() {
      long now = System.nanoTime();
      if (now - lastLog > LOG_EVERY_NANOS) {
        lastLog = now;
        return true;
      }
      return false;
    }
  }

  /** A bar for the files, then one for the OCR pages. */
  private static final class Bar implements View {
    private ProgressBar files;
    private ProgressBar pages;

    Bar(int total) {
      files = bar("indexing", total);
    }

    private static ProgressBar bar(String task, long total) {
      return new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build();
    }

    @Override
    public synchronized void file(IndexingProgress.Snapshot s, String path) {
      if (files != null) {
        files.stepTo(s.filesDone());
      }
    }

    @Override
    public synchronized void ocrPage(IndexingProgress.Snapshot s) {
      if (pages == null) {
        filesDone();
        pages = bar("OCR pages", s.ocrPagesTotal());
      }
      pages.maxHint(s.ocrPagesTotal());
      pages.stepTo(s.ocrPagesDone());
    }

    @Override
    public synchronized void filesDone() {
      if (files != null) {
        files.close();
        files = null;
      }
    }

    @Override
    public synchronized void close() {
      if (pages != null) {
        pages.close();
        pages = null;
      }
    }
  }
}
