package org.stdsearch.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 19's soak: holds a running server for a while under everything at once and checks it.
 * <ul>
 *   <li>16 clients, each on its own loopback address and connection, mixing searches, suggestions,
 *       standard details, page text and facets with a short think time;
 *   <li>a light client (one query at a time, its own address) whose latency is the target;
 *   <li>a heavy client at a fixed rate (eight common words, size=100, snippets=5, every facet);
 *   <li>an attacker keeping 20 connections that declare a body and never send it;
 *   <li>a health probe twice a second;
 *   <li>a writer adding, changing, touching and deleting files in the docs folder, each change
 *       timed until search shows it.
 * </ul>
 * Prints the figures and exits 1 when a target is missed: any 5xx, any failed health probe, light
 * p99 of 200 ms or more, a change not searchable within 10 s. (Whether the final index equals the
 * folder is checked by {@code soak.sh} after the server stops.)
 *
 * <pre>java -cp ... org.stdsearch.reliability.Soak BASE_URL DOCS_DIR QUERIES_TSV SECONDS</pre>
 */
public final class Soak {
  static final int MIXED_CLIENTS = 16;
  static final int STALLED = 20;
  static final double HEAVY_PER_SECOND = 15;
  static final Duration CHANGE_TARGET = Duration.ofSeconds(10);

  private final URI base;
  private final Path docs;
  private final List<String> queries;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Latencies mixed = new Latencies();
  private final Latencies light = new Latencies();
  private final Latencies heavy = new Latencies();
  private final Latencies health = new Latencies();
  private final Latencies changes = new Latencies();
  private final AtomicInteger serverErrors = new AtomicInteger();
  private final AtomicInteger stalledOpened = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

  private Soak(URI base, Path docs, List<String> queries) {
    this.base = base;
    this.docs = docs;
    this.queries = queries;
  }

  public static void main(String[] args) throws Exception {
    List<String> queries = Files.readAllLines(Path.of(args[2])).stream()
        .filter(l -> !l.isBlank()).map(l -> l.substring(l.indexOf('\t') + 1)).toList();
    Soak soak = new Soak(URI.create(args[0]), Path.of(args[1]), queries);
    System.exit(soak.run(Duration.ofSeconds(Long.parseLong(args[3]))) ? 0 : 1);
  }

  private boolean run(Duration length) throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < MIXED_CLIENTS; i++) {
      int n = i;
      threads.add(Thread.ofPlatform().name("mixed-" + i).start(() -> mixedClient(n)));
    }
    threads.add(Thread.ofPlatform().name("light").start(this::lightClient));
    threads.add(Thread.ofPlatform().name("stalled").start(this::stalledAttacker));
    threads.add(Thread.ofPlatform().name("health").start(this::healthProbe));
    threads.add(Thread.ofPlatform().name("changes").start(this::changeWriter));
    ScheduledExecutorService heavyTimer = Executors.newSingleThreadScheduledExecutor();
    HttpClient heavyClient = TwoClients.client("127.0.0.3");
    AtomicInteger heavyN = new AtomicInteger();
    AtomicInteger partial = new AtomicInteger();
    heavyTimer.scheduleAtFixedRate(() -> {
      if (!stop.get()) {
        TwoClients.sendHeavy(base, heavyClient, heavyN.getAndIncrement() % 2 == 1, heavy, partial);
      }
    }, 0, (long) (1_000_000 / HEAVY_PER_SECOND), TimeUnit.MICROSECONDS);

    long end = System.nanoTime() + length.toNanos();
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(60_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      System.out.printf(Locale.ROOT, "[soak] %s light %s; mixed n=%d; 5xx=%d; health failures=%d; changes %d%n",
          java.time.LocalTime.now().withNano(0), light.summary(), mixed.size(), serverErrors.get(),
          health.count("fail", true), changes.size());
    }
    stop.set(true);
    heavyTimer.shutdown();
    for (Thread t : threads) {
      t.join(60_000);
    }
    Thread.sleep(5_000); // the heavy client's last answers

    int healthFailures = health.count("fail", true);
    int lateChanges = changes.count("late", true);
    boolean ok = serverErrors.get() == 0 && healthFailures == 0 && light.percentile(99) < 200 && lateChanges == 0
        && problems.isEmpty();
    System.out.println("[soak] mixed (16 clients):      " + mixed.summary());
    System.out.println("[soak] light client:           " + light.summary());
    System.out.println("[soak] heavy client:           " + heavy.summary() + " partial=" + partial.get());
    System.out.println("[soak] health probes:          " + health.summary());
    System.out.println("[soak] change -> searchable:   " + changes.summary());
    System.out.println("[soak] stalled connections opened: " + stalledOpened.get());
    System.out.printf(Locale.ROOT, "[soak] 5xx=%d health-failures=%d light-p99=%.1f ms late-changes=%d problems=%s%n",
        serverErrors.get(), healthFailures, light.percentile(99), lateChanges, problems);
    System.out.println("[soak] " + (ok ? "PASS" : "FAIL"));
    return ok;
  }

  private HttpResponse<String> get(HttpClient http, String pathAndQuery, Duration timeout) throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** One of 16 users: a mix of what the page and the widget ask, with a short pause between. */
  private void mixedClient(int n) {
    Random random = new Random(n);
    HttpClient http;
    try {
      http = TwoClients.client("127.0.1." + (10 + n));
    } catch (Exception e) {
      problems.add(e.toString());
      return;
    }
    String lastId = null;
    while (!stop.get()) {
      String q = TwoClients.encode(queries.get(random.nextInt(queries.size())));
      int kind = random.nextInt(100);
      String path = kind < 60 ? "/api/v1/search?q=" + q + (random.nextBoolean() ? "&doc_lang=en" : "")
          : kind < 80 ? "/api/v1/suggest?q=" + TwoClients.encode(queries.get(random.nextInt(queries.size())).substring(0, 2))
          : kind < 88 && lastId != null ? "/api/v1/standards/" + lastId
          : kind < 94 && lastId != null ? "/api/v1/standards/" + lastId + "/text?page=1"
          : "/api/v1/facets";
      long start = System.nanoTime();
      try {
        HttpResponse<String> r = get(http, path, Duration.ofSeconds(30));
        mixed.add(System.nanoTime() - start, String.valueOf(r.statusCode()));
        countErrors(r, path);
        int at = r.body().indexOf("\"id\":\"");
        if (path.startsWith("/api/v1/search") && at >= 0) {
          lastId = r.body().substring(at + 6, r.body().indexOf('"', at + 6));
        }
        Thread.sleep(100 + random.nextInt(300));
      } catch (Exception e) {
        mixed.count(e.getClass().getSimpleName());
      }
    }
  }

  private void lightClient() {
    try {
      HttpClient http = TwoClients.client("127.0.0.2");
      for (int i = 0; !stop.get(); i++) {
        String path = "/api/v1/search?q=" + TwoClients.encode(queries.get(i % queries.size()));
        long start = System.nanoTime();
        try {
          HttpResponse<String> r = get(http, path, Duration.ofSeconds(30));
          light.add(System.nanoTime() - start, String.valueOf(r.statusCode()));
          countErrors(r, path);
        } catch (Exception e) {
          light.count(e.getClass().getSimpleName());
        }
        Thread.sleep(100);
      }
    } catch (Exception e) {
      problems.add("light: " + e);
    }
  }

  private void countErrors(HttpResponse<String> r, String path) {
    if (r.statusCode() >= 500) {
      serverErrors.incrementAndGet();
      if (problems.size() < 10) {
        problems.add(r.statusCode() + " " + path + ": " + r.body());
      }
    }
  }

  /** Keeps {@link #STALLED} connections open that declare a body and never send it. */
  private void stalledAttacker() {
    List<Socket> open = new ArrayList<>();
    try {
      InetAddress from = InetAddress.getByName("127.0.0.4");
      while (!stop.get()) {
        open.removeIf(Socket::isClosed);
        for (Socket s : List.copyOf(open)) {
          if (s.getInputStream().available() > 0 || closedByServer(s)) {
            s.close();
          }
        }
        open.removeIf(Socket::isClosed);
        while (open.size() < STALLED) {
          Socket s = new Socket(base.getHost(), base.getPort(), from, 0);
          s.setSoTimeout(1);
          OutputStream out = s.getOutputStream();
          String target = open.size() % 2 == 0 ? "/api/v1/search?q=stall" : "/openapi.yaml";
          out.write(("GET " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          open.add(s);
          stalledOpened.incrementAndGet();
        }
        Thread.sleep(500);
      }
    } catch (Exception e) {
      problems.add("stalled attacker: " + e);
    } finally {
      for (Socket s : open) {
        try {
          s.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
    }
  }

  private static boolean closedByServer(Socket s) {
    try {
      byte[] buf = new byte[4096];
      return s.getInputStream().read(buf) < 0;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private void healthProbe() {
    try {
      HttpClient http = TwoClients.client("127.0.0.5");
      while (!stop.get()) {
        long start = System.nanoTime();
        try {
          HttpResponse<String> r = get(http, "/health", Duration.ofSeconds(2));
          health.add(System.nanoTime() - start, r.statusCode() == 200 ? "200" : "fail-" + r.statusCode());
        } catch (Exception e) {
          health.count("fail-" + e.getClass().getSimpleName());
        }
        Thread.sleep(500);
      }
    } catch (Exception e) {
      problems.add("health: " + e);
    }
  }

  /**
   * Every few seconds one change to the docs folder: a new file, a rewrite of one, a touch of an
   * original (no content change: nothing to show), or a deletion; each timed until search shows it.
   */
  private void changeWriter() {
    try {
      HttpClient http = TwoClients.client("127.0.0.6");
      Path folder = Files.createDirectories(docs.resolve("soak"));
      List<Path> originals;
      try (var walk = Files.walk(docs)) {
        originals = walk.filter(p -> p.toString().endsWith(".txt") && !p.startsWith(folder)).limit(200).toList();
      }
      List<Path> added = new ArrayList<>();
      Random random = new Random(19);
      for (int i = 0; !stop.get(); i++) {
        int kind = i % 4;
        if (kind == 0 || added.isEmpty()) {
          String marker = "soakmarker" + i + "x" + random.nextInt(1_000_000);
          Path file = folder.resolve("soak-" + i + ".txt");
          writeAtomically(file, "Soak standard " + i + " on the " + marker + " method.\n");
          added.add(file);
          timeUntil(http, marker, 1, "add");
        } else if (kind == 1) {
          Path file = added.get(random.nextInt(added.size()));
          String marker = "soakrewrite" + i + "x" + random.nextInt(1_000_000);
          writeAtomically(file, "Rewritten soak standard on the " + marker + " method.\n");
          timeUntil(http, marker, 1, "change");
        } else if (kind == 2 && !originals.isEmpty()) {
          Path file = originals.get(random.nextInt(originals.size()));
          Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } else {
          Path file = added.remove(random.nextInt(added.size()));
          String content = Files.readString(file);
          String marker = content.replaceAll("(?s).*?(soak(marker|rewrite)\\w+).*", "$1");
          Files.delete(file);
          timeUntil(http, marker, 0, "delete");
        }
        Thread.sleep(3_000);
      }
    } catch (Exception e) {
      problems.add("changes: " + e);
    }
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path part = file.resolveSibling("." + file.getFileName() + ".part");
    Files.writeString(part, text);
    Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Polls a search for {@code marker} until its total is {@code expected}; records the time taken. */
  private void timeUntil(HttpClient http, String marker, long expected, String what) throws Exception {
    long start = System.nanoTime();
    long give = start + CHANGE_TARGET.multipliedBy(6).toNanos();
    while (System.nanoTime() < give) {
      HttpResponse<String> r = get(http, "/api/v1/search?size=0&facets=&q=" + marker, Duration.ofSeconds(10));
      if (r.statusCode() == 200 && r.body().contains("\"total\":" + expected + ",")) {
        long nanos = System.nanoTime() - start;
        changes.add(nanos, nanos <= CHANGE_TARGET.toNanos() ? what : "late-" + what);
        return;
      }
      Thread.sleep(200);
    }
    changes.count("late-never-" + what);
  }
}
