package org.stdsearch.opensearch.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSearch node for tests, in a JVM of its own: its classpath (OpenSearch from Maven
 * Central with its own Lucene) is the {@code classpath.txt} Maven wrote beside this class, so it
 * never meets the Lucene of the test JVM. Start one with {@link #start} (or share one per test JVM
 * with {@link #shared}); {@link #url} is its HTTP address on 127.0.0.1.
 *
 * <p>Uses nothing but the JDK, so any module can depend on it in test scope.
 */
public final class OpenSearchNode implements AutoCloseable {
  /** Start-up on a quiet machine takes 5-10 s; on a loaded one several times that. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("stdsearch.opensearch.startSeconds", 180));
  private static final String HEAP = System.getProperty("stdsearch.opensearch.heap", "512m");
  private static OpenSearchNode shared;

  private final Process process;
  private final Path home;
  private final int httpPort;
  private final int transportPort;
  private final String name;
  private final String cluster;

  private OpenSearchNode(Process process, Path home, int httpPort, int transportPort, String name, String cluster) {
    this.process = process;
    this.cluster = cluster;
    this.home = home;
    this.httpPort = httpPort;
    this.transportPort = transportPort;
    this.name = name;
  }

  /** A single-node cluster, shared by every test of this JVM and stopped when the JVM exits. */
  public static synchronized OpenSearchNode shared() {
    if (shared == null || !shared.process.isAlive()) {
      shared = start("stdsearch-test", "node-1", List.of("cluster_manager", "data"), "single");
      OpenSearchNode node = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(node::close, "opensearch-test-node-stop"));
    }
    return shared;
  }

  /** The first node of a cluster that {@link #join} adds to; manager and data. */
  public static OpenSearchNode bootstrap(String cluster, String name) {
    return start(cluster, name, List.of("cluster_manager", "data"), "bootstrap");
  }

  /** A data node joining the cluster of {@code seed}. */
  public static OpenSearchNode join(OpenSearchNode seed, String name) {
    return start(seed.cluster, name, List.of("data"), "join:" + seed.transportPort);
  }

  /**
   * Starts a node and waits until it answers HTTP.
   *
   * @param discovery {@code single}, {@code bootstrap} or {@code join:TRANSPORT_PORT} (see {@link NodeMain})
   */
  public static OpenSearchNode start(String cluster, String name, List<String> roles, String discovery) {
    try {
      Path home = Files.createTempDirectory(cluster + "-" + name + "-");
      int http = freePort();
      int transport = freePort();
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xms" + HEAP, "-Xmx" + HEAP,
          // OpenSearch's own G1 settings: without them its breakers trip early on a small heap.
          "-XX:+UseG1GC", "-XX:G1ReservePercent=25", "-XX:InitiatingHeapOccupancyPercent=30",
          "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
          "-Dlog4j2.disable.jmx=true",
          "-cp", classpath(),
          NodeMain.class.getName(),
          home.toString(), cluster, name, Integer.toString(http), Integer.toString(transport), String.join(",", roles),
          discovery));
      Path log = home.resolve("node.log");
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      OpenSearchNode node = new OpenSearchNode(p, home, http, transport, name, cluster);
      node.awaitReady(log);
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady(Path log) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the OpenSearch node exited with " + process.exitValue() + ":\n" + tail(log));
      }
      if (Files.readString(log, StandardCharsets.ISO_8859_1).contains("READY " + name)) {
        try {
          HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url() + "/")).timeout(
              Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            return;
          }
        } catch (IOException e) {
          // not listening yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      sleep(200);
    }
    close();
    throw new IllegalStateException("the OpenSearch node did not start within " + START_TIMEOUT + ":\n" + tail(log));
  }

  /** The node's HTTP address, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  public int transportPort() {
    return transportPort;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Kills the node at once (SIGKILL), as a crashed machine would go. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the node (SIGTERM, then SIGKILL after 30 s) and deletes its data. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteQuietly(home);
  }

  /** The node's classpath as Maven resolved it, written next to this class at build time. */
  static String classpath() {
    try (InputStream in = OpenSearchNode.class.getResourceAsStream("classpath.txt")) {
      if (in == null) {
        throw new IllegalStateException("classpath.txt is missing: build the opensearch-node module with Maven");
      }
      String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      Path self = Path.of(OpenSearchNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return self + java.io.File.pathSeparator + jars;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temp folder left behind is not worth failing a test for
    }
  }
}
