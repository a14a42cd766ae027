package org.stdsearch.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.stdsearch.search.SearchBudget;

/**
 * Admission of the requests that work on the index (search, suggest, details, text, facets,
 * stats), by {@link SearchLimits}: at most {@code concurrency} run at once, at most
 * {@code perClient} of one client address; a client's further requests wait in its own short
 * queue (full: 429), and clients with waiting requests take turns for each freed slot, so a
 * client with one request at a time is served next whatever another client has queued. Waiting
 * holds no thread. A waiting request whose client has gone is dropped unanswered; a running one
 * stops at its next check ({@link SearchBudget}), and its slot goes to the next client.
 *
 * <p>Every admitted request carries a {@link SearchBudget} of {@code timeout} from the moment it
 * starts; handlers pass it to the search service with {@link #budget}.
 */
public final class SearchAdmission {
  private static final AttachmentKey<SearchBudget> BUDGET = AttachmentKey.create(SearchBudget.class);
  private final SearchLimits limits;
  private final Counter refused;
  private final Counter dropped;
  /** Clients with running or waiting requests; guarded by {@code this}. */
  private final Map<InetAddress, Client> clients = new HashMap<>();
  /** Clients with waiting requests, in the order they get their next turn; guarded by {@code this}. */
  private final ArrayDeque<Client> turns = new ArrayDeque<>();
  private int running;
  private int waiting;
  private boolean closing;

  SearchAdmission(SearchLimits limits, MeterRegistry registry) {
    this.limits = limits;
    this.refused = Counter.builder("stdsearch.search.refused")
        .description("Index requests refused because their client's queue was full").register(registry);
    this.dropped = Counter.builder("stdsearch.search.abandoned")
        .description("Waiting index requests dropped because their client went away").register(registry);
    Gauge.builder("stdsearch.search.running", this, a -> a.counts()[0])
        .description("Index requests running").register(registry);
    Gauge.builder("stdsearch.search.waiting", this, a -> a.counts()[1])
        .description("Index requests waiting for a turn").register(registry);
  }

  /** The budget of an admitted request (a standard one outside admission, e.g. in tests). */
  public static SearchBudget budget(HttpServerExchange ex) {
    SearchBudget b = ex.getAttachment(BUDGET);
    return b == null ? SearchBudget.standard() : b;
  }

  /** {@code handler} behind admission; it runs on a worker thread with its errors mapped. */
  HttpHandler limit(HttpHandler handler) {
    HttpHandler mapped = ErrorMapper.wrap(handler);
    // Admission is decided after the IO thread has left the handler chain: a request may then be
    // started from any thread that frees a slot, without racing Undertow's own dispatch.
    return ex -> ex.dispatch(SameThreadExecutor.INSTANCE, () -> admit(new Request(ex, mapped)));
  }

  /** Answers the waiting requests 503 and takes no more (the server is stopping). */
  void refuseQueued() {
    ArrayDeque<Request> refusedNow = new ArrayDeque<>();
    synchronized (this) {
      closing = true;
      for (Client c : clients.values()) {
        refusedNow.addAll(c.queue);
        waiting -= c.queue.size();
        c.queue.clear();
      }
      turns.clear();
    }
    refusedNow.forEach(r -> ErrorMapper.send(r.ex, Problem.of(503, "shutting-down", "Shutting down",
        "the server is stopping; retry on another instance or later"), Map.of(Headers.RETRY_AFTER_STRING, "5")));
  }

  private void admit(Request request) {
    InetAddress address = address(request.ex);
    boolean start;
    Problem refusal = null;
    synchronized (this) {
      Client client = clients.computeIfAbsent(address, Client::new);
      request.client = client;
      if (closing) {
        refusal = Problem.of(503, "shutting-down", "Shutting down", "the server is stopping");
        start = false;
      } else if (client.queue.isEmpty() && client.running < limits.perClient() && running < limits.concurrency()) {
        client.running++;
        running++;
        start = true;
      } else if (client.queue.size() < limits.queuePerClient()) {
        client.queue.add(request);
        waiting++;
        if (client.queue.size() == 1) {
          turns.addLast(client);
        }
        start = false;
      } else {
        forgetIfIdle(client);
        refusal = Problem.of(429, "too-many-searches", "Too many searches at once",
            "at most " + limits.perClient() + " searches of one client run at once and "
                + limits.queuePerClient() + " wait; retry when one has answered");
        start = false;
      }
    }
    if (refusal != null) {
      if (refusal.status() == 429) {
        refused.increment();
      }
      ErrorMapper.send(request.ex, refusal, Map.of(Headers.RETRY_AFTER_STRING, "1"));
    } else if (start) {
      run(request);
    }
  }

  private void run(Request request) {
    HttpServerExchange ex = request.ex;
    ex.putAttachment(BUDGET, SearchBudget.of(limits.timeout(), () -> ClientConnection.gone(ex)));
    ex.dispatch(ex.getConnection().getWorker(), exchange -> {
      try {
        request.handler.handleRequest(exchange); // a cancelled search ends in ErrorMapper: 499, closed
      } finally {
        finished(request.client);
      }
    });
  }

  /** Frees the slot of a finished request and starts the next ones, clients taking turns. */
  private void finished(Client client) {
    ArrayDeque<Request> toStart = new ArrayDeque<>();
    ArrayDeque<Request> gone = new ArrayDeque<>();
    synchronized (this) {
      client.running--;
      running--;
      int passedOver = 0; // clients at their own limit, skipped since the last start
      while (running < limits.concurrency() && !turns.isEmpty() && passedOver < turns.size()) {
        Client next = turns.pollFirst();
        if (next.running >= limits.perClient()) {
          turns.addLast(next); // its next request starts when one of its own ends
          passedOver++;
          continue;
        }
        passedOver = 0;
        Request r = next.queue.pollFirst();
        waiting--;
        if (!next.queue.isEmpty()) {
          turns.addLast(next);
        }
        if (ClientConnection.gone(r.ex)) {
          gone.add(r);
        } else {
          next.running++;
          running++;
          toStart.add(r);
        }
      }
      forgetIfIdle(client);
    }
    gone.forEach(r -> {
      abandon(r.ex);
      synchronized (this) {
        forgetIfIdle(r.client);
      }
    });
    toStart.forEach(this::run);
  }

  private void abandon(HttpServerExchange ex) {
    dropped.increment();
    ErrorMapper.abandon(ex);
  }

  private void forgetIfIdle(Client client) {
    if (client.running == 0 && client.queue.isEmpty()) {
      clients.remove(client.address);
    }
  }

  private synchronized int[] counts() {
    return new int[] {running, waiting};
  }

  private static InetAddress address(HttpServerExchange ex) {
    InetSocketAddress peer = ex.getSourceAddress();
    return peer == null ? InetAddress.getLoopbackAddress() : peer.getAddress();
  }

  /** One client address: how many of its requests run, and those waiting in order. */
  private static final class Client {
    final InetAddress address;
    final ArrayDeque<Request> queue = new ArrayDeque<>();
    int running;

    Client(InetAddress address) {
      this.address = address;
    }
  }

  /** A request with the handler it is admitted to. */
  private static final class Request {
    final HttpServerExchange ex;
    final HttpHandler handler;
    Client client;

    Request(HttpServerExchange ex, HttpHandler handler) {
      this.ex = ex;
      this.handler = handler;
    }
  }
}
