package org.stdsearch.http;

import java.time.Duration;

/**
 * How much searching the server does at once and for whom: a request-rate limit counts requests,
 * not their cost, so one client's heavy searches within it could starve everyone else's light ones.
 * Index routes run through {@link SearchAdmission}: at most {@code concurrency} at once over all
 * clients and {@code perClient} for one client address, a client's further requests wait in a
 * queue of {@code queuePerClient} (beyond it 429), and waiting clients take turns, so a client
 * sending one light query at a time never waits behind another client's backlog. Clients whose
 * searches have cost much CPU share {@code heavyConcurrency} slots, so heavy work cannot take every
 * core from light requests. Each search stops after {@code timeout} and answers with what it found
 * ({@code partial: true}).
 *
 * @param concurrency index requests running at once, over all clients
 * @param perClient index requests of one client address running at once
 * @param queuePerClient requests of one client address waiting for a turn; beyond it 429
 * @param timeout time a search may take, facets and snippets included
 * @param heavyConcurrency index requests of heavy clients running at once, over all of them
 */
public record SearchLimits(int concurrency, int perClient, int queuePerClient, Duration timeout,
    int heavyConcurrency) {

  public SearchLimits {
    if (concurrency < 1 || perClient < 1 || queuePerClient < 0 || heavyConcurrency < 1) {
      throw new IllegalArgumentException("search.concurrency and search.client.concurrency must be at least 1, "
          + "search.client.queue at least 0");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("search.timeout must be positive");
    }
  }

  /**
   * Two per client, and room for twice as many over all clients as there are cores with at least
   * four: one busy client then leaves slots free for everybody else. Heavy clients together get
   * half the cores, at least one.
   */
  public static SearchLimits defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new SearchLimits(Math.max(4, 2 * cores), 2, 8, Duration.ofSeconds(2), Math.max(1, cores / 2));
  }

  /** As given, with the default share of heavy clients (tests). */
  public SearchLimits(int concurrency, int perClient, int queuePerClient, Duration timeout) {
    this(concurrency, perClient, queuePerClient, timeout, defaults().heavyConcurrency());
  }
}
