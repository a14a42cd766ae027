package org.stdsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.opensearch.node.OpenSearchNode;

/**
 * TLS and basic authentication to the cluster: the real node behind a TLS front (a certificate made
 * here with the JDK's keytool) that lets a request through only with the right credentials, as a
 * secured cluster does. The client trusts the configured CA certificate, sends the credentials it
 * was given, and reports a wrong password or an unknown certificate as the failures they are.
 */
class ClusterTlsTest {
  static final String USER = "reader";
  static final String PASSWORD = "s3cret-pw";
  @TempDir static Path tmp;
  static Path caPem;
  static TlsFront front;

  @BeforeAll
  static void start() throws Exception {
    Path keystore = tmp.resolve("node.p12");
    caPem = tmp.resolve("ca.pem");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    exec(keytool, "-genkeypair", "-alias", "node", "-keyalg", "EC", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(),
        "-storetype", "PKCS12", "-storepass", "changeit");
    exec(keytool, "-exportcert", "-rfc", "-alias", "node", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-file", caPem.toString());
    front = new TlsFront(keystore, OpenSearchNode.shared().url());
  }

  @AfterAll
  static void stop() throws IOException {
    if (front != null) {
      front.close();
    }
  }

  private static ClusterConfig config(String user, String password, Path ca) {
    return new ClusterConfig(List.of(URI.create("https://localhost:" + front.port())), "tls-" + System.nanoTime(), user,
        password, ca, Duration.ofSeconds(20));
  }

  @Test
  void httpsWithTheConfiguredCaAndCredentialsReachesTheCluster() throws Exception {
    try (Cluster cluster = Cluster.connect(config(USER, PASSWORD, caPem))) {
      assertThat(cluster.ensureLayout(1)).isTrue();
      assertThat(cluster.layoutReady()).isTrue();
      cluster.deleteLayout();
    }
    assertThat(front.authorised.get()).isPositive();
  }

  @Test
  void aWrongPasswordIsRefusedByTheCluster() {
    try (Cluster cluster = Cluster.connect(config(USER, "wrong", caPem))) {
      assertThatThrownBy(cluster::layoutReady).isInstanceOf(IOException.class).hasMessageContaining("Unauthorized");
    }
  }

  @Test
  void anUnknownCertificateIsNotTrusted() {
    try (Cluster cluster = Cluster.connect(config(USER, PASSWORD, null))) { // the JDK's trust store alone
      assertThatThrownBy(cluster::layoutReady).isInstanceOf(IOException.class)
          .isNotInstanceOf(ClusterException.class);
    }
  }

  private static void exec(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }

  /**
   * A TLS front for a plain-HTTP node, checking basic authentication: each request is read, checked,
   * sent on to the node over a connection of its own ({@code Connection: close}), and the answer
   * passed back.
   */
  static final class TlsFront implements AutoCloseable {
    final SSLServerSocket server;
    final URI node;
    final AtomicInteger authorised = new AtomicInteger();
    final String expected = "Basic " + Base64.getEncoder().encodeToString(
        (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    TlsFront(Path keystore, String nodeUrl) throws Exception {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
        ks.load(in, "changeit".toCharArray());
      }
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, "changeit".toCharArray());
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(kmf.getKeyManagers(), null, null);
      server = (SSLServerSocket) ssl.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
      node = URI.create(nodeUrl);
      Thread.ofPlatform().daemon().start(this::accept);
    }

    int port() {
      return server.getLocalPort();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          Thread.ofPlatform().daemon().start(() -> serve(client));
        } catch (IOException e) {
          return; // closed
        }
      }
    }

    private void serve(Socket client) {
      try (client) {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        while (true) {
          byte[] head = readHead(in);
          if (head == null) {
            return;
          }
          String headers = new String(head, StandardCharsets.ISO_8859_1);
          byte[] body = in.readNBytes(contentLength(headers));
          if (!headers.lines().anyMatch(l -> l.equalsIgnoreCase("Authorization: " + expected))) {
            out.write(("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"test\"\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            continue;
          }
          authorised.incrementAndGet();
          String forwarded = headers.lines().filter(l -> !l.toLowerCase(Locale.ROOT).startsWith("connection:"))
              .reduce((a, b) -> a + "\r\n" + b).orElse("") + "\r\nConnection: close\r\n\r\n";
          try (Socket upstream = new Socket(node.getHost(), node.getPort())) {
            upstream.getOutputStream().write(forwarded.getBytes(StandardCharsets.ISO_8859_1));
            upstream.getOutputStream().write(body);
            upstream.getOutputStream().flush();
            upstream.getInputStream().transferTo(out);
          }
          out.flush(); // the node's answer is framed by its length: the client's connection stays open
        }
      } catch (IOException e) {
        // a client gone: nothing to tell anyone
      }
    }

    private static byte[] readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int state = 0;
      int b;
      while ((b = in.read()) >= 0) {
        head.write(b);
        state = (b == '\r' || b == '\n') ? state + 1 : 0;
        if (state == 4) {
          byte[] bytes = head.toByteArray();
          return java.util.Arrays.copyOf(bytes, bytes.length - 4);
        }
      }
      return null;
    }

    private static int contentLength(String headers) {
      return headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
          .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElse(0);
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
