package org.stdsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that open connections and then stall (issue 19): declaring a body and never sending
 * it, sending half a request, or nothing at all. Whatever they do, {@code /health} and searches
 * still answer, and the stalled connections are closed by the server's timeouts. Each probe
 * runs on real sockets against the production server.
 */
class StalledClientsTest {
  static final String TOKEN = "stall-token";
  /** More stalled connections than the server has worker threads (16 on two cores). */
  static final int STALLED = 40;
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  @TempDir Path dir;
  FakeBackend backend;
  HttpServer server;
  Client client;
  final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    backend = new FakeBackend(dir);
    server = HttpServer.start(ServerConfig.local(dir, dir.resolve("index"), 0).withAdminToken(TOKEN), backend,
        HttpLimits.defaults().withTimeouts(TIMEOUT));
    client = new Client(server);
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    server.stop(Duration.ofSeconds(1));
  }

  private Socket open(String head) throws IOException {
    Socket s = new Socket("127.0.0.1", server.port());
    s.setSoTimeout((int) TIMEOUT.multipliedBy(10).toMillis());
    sockets.add(s);
    OutputStream out = s.getOutputStream();
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return s;
  }

  private void assertServerAnswers() throws Exception {
    HttpResponse<String> health = client.send(client.request("/health").timeout(Duration.ofSeconds(5)).build());
    assertThat(health.statusCode()).isEqualTo(200);
    HttpResponse<String> search = client.send(client.request("/api/v1/search?q=x").timeout(Duration.ofSeconds(5)).build());
    assertThat(search.statusCode()).isEqualTo(200);
  }

  @Test
  void getsDeclaringABodyTheyNeverSendAreAnsweredAndClosedWithoutWaiting() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    for (int i = 0; i < STALLED; i++) {
      // A route answered on a worker thread: the bug held one worker per such connection.
      stalled.add(open("GET /openapi.yaml HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n"));
    }
    assertServerAnswers();
    for (Socket s : stalled) {
      String answer = readAll(s.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close");
    }
  }

  @Test
  void stalledUploadBodiesHoldNoWorkerAndAreCutOffByTheReadTimeout() throws Exception {
    for (int i = 0; i < STALLED; i++) {
      open("POST /api/v1/admin/documents?filename=a.txt HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
          + "\r\nContent-Length: 1000\r\n\r\nonly a few bytes");
    }
    assertServerAnswers();
    for (Socket s : sockets) {
      assertThat(closedWithin(s)).as("stalled upload closed by the read timeout").isTrue();
    }
    assertThat(backend.added).isEmpty();
  }

  @Test
  void halfSentRequestsAndSilentConnectionsAreClosed() throws Exception {
    List<Socket> half = new ArrayList<>();
    List<Socket> silent = new ArrayList<>();
    for (int i = 0; i < STALLED / 2; i++) {
      half.add(open("GET /api/v1/search?q=x HTTP/1.1\r\nHost: x\r\nX-Slow: "));
      silent.add(open(""));
    }
    assertServerAnswers();
    for (Socket s : half) {
      assertThat(closedWithin(s)).as("half-sent request closed by the parse timeout").isTrue();
    }
    for (Socket s : silent) {
      assertThat(closedWithin(s)).as("silent connection closed by the no-request timeout").isTrue();
    }
  }

  @Test
  void idleKeepAliveConnectionsAreClosed() throws Exception {
    Socket s = open("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    int n = in.read(buf);
    assertThat(new String(buf, 0, n, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
    assertThat(closedWithin(s)).as("idle keep-alive connection closed").isTrue();
  }

  /** True when the server closes the connection (end of stream or reset) before the socket timeout. */
  private static boolean closedWithin(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    try {
      while (in.read(buf) >= 0) {
        // whatever the server says before closing (a timeout answer) is fine
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by the server
    }
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }
}
