package org.stdsearch.search;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How long one search may run, and whether anyone still waits for it. A search past its time
 * stops where it is and answers with what it has ({@code partial}); a search whose client went
 * away stops with {@link SearchCancelledException}. Checked often, so asking whether the client
 * is gone (a system call for the HTTP layer) happens at most every {@link #CANCEL_CHECK_NANOS}.
 */
public final class SearchBudget {
  /** Searches that do not say otherwise stop after this. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  static final long CANCEL_CHECK_NANOS = 50_000_000;

  private final long deadline;
  private final BooleanSupplier gone;
  private long nextCancelCheck;
  private volatile boolean cancelled;

  private SearchBudget(Duration limit, BooleanSupplier gone) {
    this.deadline = System.nanoTime() + limit.toNanos();
    this.gone = gone;
    this.nextCancelCheck = System.nanoTime();
  }

  /** A budget of {@code limit} from now, cancelled once {@code gone} says the client left. */
  public static SearchBudget of(Duration limit, BooleanSupplier gone) {
    return new SearchBudget(limit, gone);
  }

  /** {@link #DEFAULT_TIMEOUT} from now, never cancelled (the CLI, tests). */
  public static SearchBudget standard() {
    return new SearchBudget(DEFAULT_TIMEOUT, () -> false);
  }

  /** True once the time is up or the client is gone: stop collecting, answer what there is. */
  public boolean exhausted() {
    long now = System.nanoTime();
    return now - deadline >= 0 || isCancelled(now);
  }

  /** The time left, zero once it is up: for a search engine that takes a time limit of its own. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  /** Throws {@link SearchCancelledException} when the client is gone. */
  public void checkCancelled() {
    if (isCancelled(System.nanoTime())) {
      throw new SearchCancelledException();
    }
  }

  private boolean isCancelled(long now) {
    if (cancelled) {
      return true;
    }
    if (now - nextCancelCheck >= 0) {
      nextCancelCheck = now + CANCEL_CHECK_NANOS;
      if (gone.getAsBoolean()) {
        cancelled = true;
      }
    }
    return cancelled;
  }
}
