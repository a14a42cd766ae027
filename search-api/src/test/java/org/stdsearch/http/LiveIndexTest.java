package org.stdsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.cli.Backends;
import org.stdsearch.search.Backend;

/**
 * The server as {@code serve} runs it — real indexer (forked extraction JVMs), NRT searcher, folder
 * watcher — with a probe search service counting matches. Waits are bounded polls, never sleeps
 * standing in for a result.
 */
class LiveIndexTest {
  static final String TOKEN = "live-token";
  static final Duration WAIT = Duration.ofSeconds(90);
  @TempDir Path tmp;
  Path docs;
  Backend live;
  HttpServer server;
  Client client;

  @BeforeEach
  void setUp() throws Exception {
    docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("first.txt"), "Information security techniques. The alphamarker requirement.\n");
  }

  private void start() throws Exception {
    ServerConfig config = ServerConfig.local(docs, tmp.resolve("index"), 0).withAdminToken(TOKEN).withWatchInterval(1);
    live = Backends.serving(config);
    server = HttpServer.start(config, live);
    client = new Client(server);
  }

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.stop(Duration.ofSeconds(2));
    }
    if (live != null) {
      live.close();
    }
  }

  private long total(String q) throws Exception {
    HttpResponse<String> r = client.get("/api/v1/search?q=" + q);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Client.json(r).get("total").asLong();
  }

  private void awaitTotal(String q, long expected) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    long last = -1;
    while (System.nanoTime() < deadline) {
      last = total(q);
      if (last == expected) {
        return;
      }
      Thread.sleep(200);
    }
    assertThat(last).as("total for " + q + " after " + WAIT.toSeconds() + " s").isEqualTo(expected);
  }

  @Test
  void readyIs503UntilTheIndexOpens() throws Exception {
    start();
    assertThat(client.get("/ready").statusCode()).isEqualTo(503);
    assertThat(client.get("/api/v1/search?q=x").statusCode()).isEqualTo(503);
    live.open();
    assertThat(client.get("/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void filesAddedChangedAndRemovedShowUpWithoutRestart() throws Exception {
    start();
    live.open();
    live.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(total("alphamarker")).isEqualTo(1);

    Path added = Files.createDirectories(docs.resolve("sub")).resolve("new.txt");
    Files.writeString(added, "A newly dropped standard about the quokkamarker protocol.\n");
    awaitTotal("quokkamarker", 1);

    Files.writeString(added, "Rewritten: now about the wombatmarker protocol.\n");
    awaitTotal("wombatmarker", 1);
    awaitTotal("quokkamarker", 0);

    Files.delete(added);
    awaitTotal("wombatmarker", 0);
    assertThat(total("alphamarker")).isEqualTo(1);
  }

  @Test
  void uploadOfACorruptFileIsRefusedAndTheIndexKeepsEverythingElse() throws Exception {
    start();
    live.open();
    live.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    long before = total("");

    HttpResponse<String> bad = client.send(client.request("/api/v1/admin/documents?filename=broken.pdf")
        .header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref"))
        .build());
    ApiTest.assertProblem(bad, 422, "extraction-failed");
    assertThat(Client.json(bad).at("/outcome/reason").asText()).isNotBlank();
    assertThat(total("")).isEqualTo(before);
    assertThat(total("alphamarker")).isEqualTo(1);
    assertThat(docs.resolve("uploads/broken.pdf")).doesNotExist();

    HttpResponse<String> good = client.send(client.request("/api/v1/admin/documents?filename=good.txt")
        .header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString("An uploaded standard on the platypusmarker method.\n"))
        .build());
    assertThat(good.statusCode()).as(good.body()).isEqualTo(201);
    assertThat(Client.json(good).get("status").asText()).isEqualTo("ok");
    assertThat(total("platypusmarker")).isEqualTo(1);
    assertThat(docs.resolve("uploads/good.txt")).exists();
  }

  @Test
  void searchingWhileIndexingFromSeveralThreadsGivesNoErrors() throws Exception {
    for (int i = 0; i < 20; i++) {
      Files.writeString(docs.resolve("doc" + i + ".txt"), "Standard number " + i + " on the bulkmarker topic.\n");
    }
    start();
    live.open();
    var first = live.start();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger requests = new AtomicInteger();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    List<Thread> searchers = new java.util.ArrayList<>();
    for (int t = 0; t < 4; t++) {
      searchers.add(Thread.ofPlatform().start(() -> {
        while (!stop.get()) {
          try {
            HttpResponse<String> r = client.get("/api/v1/search?q=bulkmarker&size=10");
            requests.incrementAndGet();
            if (r.statusCode() != 200) {
              errors.add(r.statusCode() + " " + r.body());
            }
          } catch (Exception e) {
            errors.add(e.toString());
          }
        }
      }));
    }
    try {
      first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      Files.writeString(docs.resolve("late.txt"), "A late bulkmarker standard.\n");
      awaitTotal("bulkmarker", 21);
    } finally {
      stop.set(true);
      for (Thread t : searchers) {
        t.join(10_000);
      }
    }
    assertThat(errors).isEmpty();
    assertThat(requests.get()).isGreaterThan(10);
  }
}
