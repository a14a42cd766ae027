package org.stdsearch.search;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a backend's index takes changes. Searches go on in every state, over what was last made
 * searchable; while {@link State#DEGRADED} (disk full, an I/O error) or {@link State#READ_ONLY},
 * new and changed files wait.
 *
 * @param state what writing is like now
 * @param reason why it is degraded, in words fit for an operator (no path, no stack trace); null when ok
 * @param since when the present state began
 */
public record IndexHealth(State state, String reason, Instant since) {

  /** Writability of the index. */
  public enum State {
    /** Changes are indexed as they come. */
    OK,
    /** The last write failed; the index recovers by itself from its last commit once it can write again. */
    DEGRADED,
    /** Served as built elsewhere: never written. */
    READ_ONLY;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public IndexHealth {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
  }

  public static IndexHealth ok() {
    return new IndexHealth(State.OK, null, Instant.now());
  }

  public boolean degraded() {
    return state == State.DEGRADED;
  }
}
