package org.stdsearch.extract;

import java.time.Duration;

/**
 * Bounds on one parse: the isolation contract of the forked extraction workers.
 *
 * @param timeout wall-clock limit per document; the worker is killed past it
 * @param workerHeapMb heap of each worker JVM: a parse that needs more fails that document only
 * @param maxChars hard cap on extracted characters; reaching it marks the document truncated
 * @param garbledShare share of U+FFFD / private-use characters above which text is garbled
 */
public record ExtractionLimits(Duration timeout, int workerHeapMb, int maxChars, double garbledShare) {

  public static final int DEFAULT_MAX_CHARS = 20_000_000;

  public ExtractionLimits {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (workerHeapMb < 64) {
      throw new IllegalArgumentException("workerHeapMb must be at least 64: " + workerHeapMb);
    }
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
    }
    if (garbledShare <= 0 || garbledShare > 1) {
      throw new IllegalArgumentException("garbledShare must be in (0, 1]: " + garbledShare);
    }
  }

  public static ExtractionLimits defaults() {
    return new ExtractionLimits(Duration.ofSeconds(120), 1024, DEFAULT_MAX_CHARS, 0.3);
  }

  public ExtractionLimits withTimeout(Duration t) {
    return new ExtractionLimits(t, workerHeapMb, maxChars, garbledShare);
  }

  public ExtractionLimits withWorkerHeapMb(int mb) {
    return new ExtractionLimits(timeout, mb, maxChars, garbledShare);
  }

  public ExtractionLimits withMaxChars(int chars) {
    return new ExtractionLimits(timeout, workerHeapMb, chars, garbledShare);
  }
}
