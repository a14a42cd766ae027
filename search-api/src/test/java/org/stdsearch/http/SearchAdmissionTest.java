package org.stdsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admission of index requests (issue 19): a client runs at most its share at once, waits in a
 * short queue beyond it and is refused beyond that; other clients are served meanwhile and take
 * turns with it; a request whose client left is dropped while waiting and stopped while running.
 * Over the production server with a backend whose "hold" searches run until released.
 */
class SearchAdmissionTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir Path dir;
  FakeBackend backend;
  HttpServer server;
  final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    backend = new FakeBackend(dir);
  }

  private void start(SearchLimits limits) {
    server = HttpServer.start(ServerConfig.local(dir, dir.resolve("index"), 0).withSearchLimits(limits), backend);
  }

  @AfterEach
  void stop() throws Exception {
    backend.release.countDown();
    for (Socket s : sockets) {
      s.close();
    }
    server.stop(Duration.ofSeconds(2));
  }

  /** A client on its own loopback address: another client as far as the server can tell. */
  private HttpClient clientAt(String address) throws Exception {
    return HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
  }

  private CompletableFuture<HttpResponse<String>> search(HttpClient http, String q) {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/search?q=" + q))
        .timeout(WAIT).build();
    return http.sendAsync(r, HttpResponse.BodyHandlers.ofString());
  }

  private int waiting() {
    return (int) server.registry().get("stdsearch.search.waiting").gauge().value();
  }

  private int started(String q) {
    var n = backend.started.get(q);
    return n == null ? 0 : n.get();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void aClientRunsItsShareQueuesAFewAndIsRefusedBeyond() throws Exception {
    start(new SearchLimits(4, 2, 2, WAIT));
    HttpClient a = clientAt("127.0.0.1");
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      calls.add(search(a, "hold-run"));
    }
    await("two running", () -> started("hold-run") == 2);
    for (int i = 0; i < 2; i++) {
      calls.add(search(a, "hold-queued"));
    }
    await("two waiting", () -> waiting() == 2);
    HttpResponse<String> refused = search(a, "hold-refused").get();
    ApiTest.assertProblem(refused, 429, "too-many-searches");
    assertThat(refused.headers().firstValue("retry-after")).isPresent();
    assertThat(started("hold-queued")).isZero();

    backend.release.countDown();
    for (var call : calls) {
      assertThat(call.get().statusCode()).isEqualTo(200);
    }
    assertThat(started("hold-queued")).isEqualTo(2);
    assertThat(started("hold-refused")).isZero();
  }

  @Test
  void anotherClientIsServedWhileOneHoldsItsShareAndQueue() throws Exception {
    start(new SearchLimits(4, 2, 8, WAIT));
    HttpClient heavy = clientAt("127.0.0.1");
    List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      held.add(search(heavy, "hold-heavy"));
    }
    await("heavy client's share running", () -> started("hold-heavy") == 2);
    HttpClient light = clientAt("127.0.0.2");
    for (int i = 0; i < 5; i++) {
      assertThat(search(light, "light").get().statusCode()).isEqualTo(200);
    }
    assertThat(started("hold-heavy")).isEqualTo(2);
    assertThat(held).noneMatch(CompletableFuture::isDone);
  }

  @Test
  void clientsWithWaitingRequestsTakeTurns() throws Exception {
    start(new SearchLimits(2, 2, 8, WAIT));
    HttpClient a = clientAt("127.0.0.1");
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    calls.add(search(a, "hold-a1"));
    calls.add(search(a, "hold-a2"));
    await("a's two running", () -> started("hold-a1") + started("hold-a2") == 2);
    for (int i = 3; i <= 5; i++) {
      calls.add(search(a, "hold-a" + i));
    }
    await("a's three waiting", () -> waiting() == 3); // a's queue first, then b's single request
    calls.add(search(clientAt("127.0.0.2"), "hold-b"));
    await("b waiting", () -> waiting() == 4);
    // One search ends at a time: a's first freed slot goes to a (a has had one running), the next
    // to b, though a still has two waiting that came before it.
    backend.holds.release(1);
    await("third start", () -> backend.startOrder.size() == 3);
    backend.holds.release(1);
    await("fourth start", () -> backend.startOrder.size() == 4);
    assertThat(backend.startOrder.get(3)).as("start order " + backend.startOrder).isEqualTo("hold-b");
    backend.release.countDown();
    for (var call : calls) {
      assertThat(call.get().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void heavyClientsShareTheHeavySlotsWhileLightOnesRunBeside() throws Exception {
    start(new SearchLimits(4, 2, 8, WAIT, 1));
    HttpClient heavy = clientAt("127.0.0.1");
    for (int i = 0; i < 3; i++) { // one at a time: its cost becomes known
      assertThat(search(heavy, "burn").get().statusCode()).isEqualTo(200);
    }
    backend.mostBurning.set(0);
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(search(heavy, "burn"));
    }
    HttpClient light = clientAt("127.0.0.2");
    for (int i = 0; i < 5; i++) {
      assertThat(search(light, "light").get().statusCode()).isEqualTo(200);
    }
    for (var call : calls) {
      assertThat(call.get().statusCode()).isEqualTo(200);
    }
    assertThat(backend.mostBurning.get()).as("heavy searches at once, with one heavy slot").isEqualTo(1);
  }

  @Test
  void aWaitingRequestWhoseClientLeftIsNeverRun() throws Exception {
    start(new SearchLimits(4, 2, 8, WAIT));
    HttpClient a = clientAt("127.0.0.1");
    var first = search(a, "hold-1");
    var second = search(a, "hold-2");
    await("two running", () -> started("hold-1") + started("hold-2") == 2);
    Socket gone = rawSearch("hold-gone");
    await("waiting", () -> waiting() == 1);
    gone.close();
    backend.release.countDown();
    assertThat(first.get().statusCode()).isEqualTo(200);
    assertThat(second.get().statusCode()).isEqualTo(200);
    await("the abandoned request dropped", () -> server.registry().get("stdsearch.search.abandoned").counter().count() == 1);
    assertThat(started("hold-gone")).isZero();
  }

  @Test
  void aRunningSearchStopsWhenItsClientLeaves() throws Exception {
    start(new SearchLimits(4, 2, 8, WAIT));
    Socket s = rawSearch("hold-running");
    await("search running", () -> started("hold-running") == 1);
    s.close();
    await("search cancelled", () -> backend.cancelled.get() == 1);
    // Its slot is free again: two more searches of the same client run at once.
    HttpClient a = clientAt("127.0.0.1");
    var x = search(a, "hold-x");
    var y = search(a, "hold-y");
    await("two more running", () -> started("hold-x") + started("hold-y") == 2);
    backend.release.countDown();
    assertThat(x.get().statusCode()).isEqualTo(200);
    assertThat(y.get().statusCode()).isEqualTo(200);
  }

  private Socket rawSearch(String q) throws Exception {
    Socket s = new Socket("127.0.0.1", server.port());
    sockets.add(s);
    OutputStream out = s.getOutputStream();
    out.write(("GET /api/v1/search?q=" + q + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return s;
  }
}
