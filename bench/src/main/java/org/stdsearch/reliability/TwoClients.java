package org.stdsearch.reliability;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 19's fairness probe: a light client (one query at a time from its own address) alone,
 * then beside a heavy client from another address sending heavy searches at a fixed rate whether
 * or not earlier ones have answered (eight common words, size=100, snippets=5, every facet, every
 * other one with a facet filter so drill-sideways runs). Prints the light client's latency in
 * both phases and what the heavy client got; exits 1 when the light p99 under load is 200 ms or
 * more.
 *
 * <pre>java -cp ... org.stdsearch.reliability.TwoClients BASE_URL QUERIES_TSV SECONDS HEAVY_PER_SECOND</pre>
 */
public final class TwoClients {
  static final String HEAVY_WORDS = "protocol security network data information system requirements message";
  static final double TARGET_P99_MS = 200;

  private TwoClients() {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    List<String> light = Files.readAllLines(Path.of(args[1])).stream()
        .filter(l -> !l.isBlank()).map(l -> l.substring(l.indexOf('\t') + 1)).toList();
    int seconds = Integer.parseInt(args[2]);
    double heavyRate = Double.parseDouble(args[3]);
    HttpClient lightClient = client("127.0.0.2");
    HttpClient heavyClient = client("127.0.0.1");

    runLight(base, lightClient, light, 5, new Latencies()); // warm-up, not counted
    Latencies alone = new Latencies();
    runLight(base, lightClient, light, seconds, alone);
    System.out.println("light alone:        " + alone.summary());

    Latencies heavy = new Latencies();
    AtomicInteger partial = new AtomicInteger();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger n = new AtomicInteger();
    timer.scheduleAtFixedRate(() -> {
      if (!stop.get()) {
        sendHeavy(base, heavyClient, n.getAndIncrement() % 2 == 1, heavy, partial);
      }
    }, 0, (long) (1_000_000 / heavyRate), TimeUnit.MICROSECONDS);
    Thread.sleep(3000); // the heavy client's backlog builds up first
    Latencies loaded = new Latencies();
    runLight(base, lightClient, light, seconds, loaded);
    stop.set(true);
    timer.shutdown();
    Thread.sleep(3000);
    System.out.println("light beside heavy: " + loaded.summary());
    System.out.println("heavy:              " + heavy.summary() + " partial=" + partial.get());
    System.out.printf(Locale.ROOT, "light p99 ratio loaded/alone: %.2f; target p99 < %.0f ms: %s%n",
        loaded.percentile(99) / alone.percentile(99), TARGET_P99_MS,
        loaded.percentile(99) < TARGET_P99_MS ? "MET" : "MISSED");
    System.exit(loaded.percentile(99) < TARGET_P99_MS ? 0 : 1);
  }

  static HttpClient client(String address) throws Exception {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .localAddress(InetAddress.getByName(address)).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** One light query after another, cycling through {@code queries}, for {@code seconds}. */
  static void runLight(URI base, HttpClient http, List<String> queries, int seconds, Latencies out) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    for (int i = 0; System.nanoTime() < end; i++) {
      URI uri = base.resolve("/api/v1/search?q=" + encode(queries.get(i % queries.size())));
      long start = System.nanoTime();
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString());
        out.add(System.nanoTime() - start, String.valueOf(r.statusCode()));
      } catch (Exception e) {
        out.count(e.getClass().getSimpleName());
      }
    }
  }

  static void sendHeavy(URI base, HttpClient http, boolean filtered, Latencies out, AtomicInteger partial) {
    String query = "/api/v1/search?q=" + encode(HEAVY_WORDS) + "&size=100&snippets=5"
        + "&facets=field,year,status,family,type,lang" + (filtered ? "&doc_lang=en" : "");
    long start = System.nanoTime();
    http.sendAsync(HttpRequest.newBuilder(base.resolve(query)).timeout(Duration.ofSeconds(120)).build(),
        HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
          if (e != null) {
            out.count(e.getClass().getSimpleName());
          } else {
            out.add(System.nanoTime() - start, String.valueOf(r.statusCode()));
            if (r.body().contains("\"partial\":true")) {
              partial.incrementAndGet();
            }
          }
        });
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
