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
 * <p>Each client's cost is the CPU time of its requests (a moving average); a client averaging
 * over {@link #HEAVY_CPU_MILLIS} is heavy, and heavy clients together run at most
 * {@code heavyConcurrency} requests. CPU time rather than elapsed time: on a busy machine a light
 * query takes long too, without being heavy. Without this, one client's two heavy searches kept
 * both cores of a two-core server busy and every light query waited for CPU.
 *
 * <p>Every admitted request carries a {@link SearchBudget} of {@code timeout} from the moment it
 * starts; handlers pass it to the search service with {@link #budget}.
 */
public final class SearchAdmission {
  private static final AttachmentKey<SearchBudget> BUDGET = AttachmentKey.create(SearchBudget.class);
  /** Average CPU per request above which a client is heavy: light queries take a few ms. */
  static final double HEAVY_CPU_MILLIS = 100;
  /** Weight of the newest request in a client's moving average. */
  static final double COST_WEIGHT = 0.3;
  /** Costs remembered for clients with nothing running or waiting (least recently seen dropped). */
  static final int REMEMBERED_COSTS = 10_000;
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private final SearchLimits limits;
  private final Counter refused;
  private final Counter dropped;
  /** Clients with running or waiting requests; guarded by {@code this}. */
  private final Map<InetAddress, Client> clients = new HashMap<>();
  /** Clients with waiting requests, in the order they get their next turn; guarded by {@code this}. */
  private final ArrayDeque<Client> turns = new ArrayDeque<>();
  /** Average CPU ms per request of clients seen lately; guarded by {@code this}. */
  private final Map<InetAddress, Double> costs = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<InetAddress, Double> eldest) {
      return size() > REMEMBERED_COSTS;
    }
  };
  private int running;
  private int heavyRunning;
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
      Client client = clients.computeIfAbsent(address, a -> new Client(a, costs.getOrDefault(a, 0.0)));
      request.client = client;
      if (closing) {
        refusal = Problem.of(503, "shutting-down", "Shutting down", "the server is stopping");
        start = false;
      } else if (client.queue.isEmpty() && mayStart(client)) {
        started(request);
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

  /** Whether a request of {@code client} may start now; guarded by {@code this}. */
  private boolean mayStart(Client client) {
    return client.running < limits.perClient() && running < limits.concurrency()
        && (!client.heavy() || heavyRunning < limits.heavyConcurrency());
  }

  /** Counts a request as running; guarded by {@code this}. */
  private void started(Request request) {
    request.heavy = request.client.heavy();
    request.client.running++;
    running++;
    if (request.heavy) {
      heavyRunning++;
    }
  }

  private void run(Request request) {
    HttpServerExchange ex = request.ex;
    ex.putAttachment(BUDGET, SearchBudget.of(limits.timeout(), () -> ClientConnection.gone(ex)));
    ex.dispatch(ex.getConnection().getWorker(), exchange -> {
      long cpu = THREADS.getCurrentThreadCpuTime();
      try {
        request.handler.handleRequest(exchange); // a cancelled search ends in ErrorMapper: 499, closed
      } finally {
        finished(request, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
      }
    });
  }

  /** Frees the slot of a finished request and starts the next ones, clients taking turns. */
  private void finished(Request done, double cpuMillis) {
    Client client = done.client;
    ArrayDeque<Request> toStart = new ArrayDeque<>();
    ArrayDeque<Request> gone = new ArrayDeque<>();
    synchronized (this) {
      client.running--;
      running--;
      if (done.heavy) {
        heavyRunning--;
      }
      client.cost = client.cost == 0 ? cpuMillis : (1 - COST_WEIGHT) * client.cost + COST_WEIGHT * cpuMillis;
      costs.put(client.address, client.cost);
      int passedOver = 0; // clients at their own limit, skipped since the last start
      while (running < limits.concurrency() && !turns.isEmpty() && passedOver < turns.size()) {
        Client next = turns.pollFirst();
        if (!mayStart(next)) {
          turns.addLast(next); // at its own limit, or heavy with the heavy slots taken
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
          r.client = next;
          started(r);
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

  /** One client address: how many of its requests run, those waiting in order, and its cost. */
  private static final class Client {
    final InetAddress address;
    final ArrayDeque<Request> queue = new ArrayDeque<>();
    int running;
    /** Average CPU ms per request. */
    double cost;

    Client(InetAddress address, double cost) {
      this.address = address;
      this.cost = cost;
    }

    boolean heavy() {
      return cost > HEAVY_CPU_MILLIS;
    }
  }

  /** A request with the handler it is admitted to. */
  private static final class Request {
    final HttpServerExchange ex;
    final HttpHandler handler;
    Client client;
    /** Counted among the heavy clients' requests when it started. */
    boolean heavy;

    Request(HttpServerExchange ex, HttpHandler handler) {
      this.ex = ex;
      this.handler = handler;
    }
  }
}
