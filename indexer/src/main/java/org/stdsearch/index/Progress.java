package org.stdsearch.index;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Progress of a run: a progress bar on a terminal, a log line every 10 s otherwise. */
abstract class Progress implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Progress.class);

  abstract void step(String path);

  @Override
  public abstract void close();

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

  static Progress start(boolean enabled, int total) {
    if (!enabled) {
      return new Progress() {
        @Override void step(String path) {}
        @Override public void close() {}
      };
    }
    if (onTerminal()) {
      ProgressBar bar = new ProgressBarBuilder().setTaskName("indexing").setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build();
      return new Progress() {
        private boolean closed;

        @Override synchronized void step(String path) {
          bar.step();
        }

        @Override public synchronized void close() {
          if (!closed) { // closed after the text pass, and again (harmlessly) when the run ends
            closed = true;
            bar.close();
          }
        }
      };
    }
    return new Progress() {
      private int done;
      private long lastLog = System.nanoTime();

      @Override synchronized void step(String path) {
        done++;
        long now = System.nanoTime();
        if (now - lastLog > 10_000_000_000L || done == total) {
          lastLog = now;
          log.info("indexed {}/{} files (last: {})", done, total, path);
        }
      }

      @Override public void close() {}
    };
  }
}
