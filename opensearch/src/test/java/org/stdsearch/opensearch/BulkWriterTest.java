package org.stdsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bulk writer against an HTTP endpoint that answers {@code _bulk} as a loaded cluster does
 * (429 for the whole request, 429/503 or a mapping error for single operations), so each path of
 * the retry logic is taken on purpose; the real node's acceptance is covered by the backend tests.
 */
class BulkWriterTest {
  HttpServer server;
  final List<String> received = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger requests = new AtomicInteger();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Starts an endpoint whose n-th {@code _bulk} request (from 1) is answered by {@code answer}. */
  private Cluster endpoint(Function<Integer, Answer> answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/_bulk", ex -> {
      int n = requests.incrementAndGet();
      List<String> ids = ids(ex);
      Answer a = answer.apply(n);
      if (a.status() / 100 != 2) {
        respond(ex, a.status(), "{\"error\":\"busy\"}");
        return;
      }
      Map<String, Integer> status = new java.util.HashMap<>(); // asked once per operation and request
      ids.forEach(id -> status.put(id, a.itemStatus().apply(id)));
      received.addAll(ids.stream().filter(id -> status.get(id) / 100 == 2).toList());
      respond(ex, 200, items(ids, status::get));
    });
    server.start();
    return Cluster.connect(ClusterConfig.of("http://127.0.0.1:" + server.getAddress().getPort(), "t"));
  }

  record Answer(int status, Function<String, Integer> itemStatus) {}

  private static List<String> ids(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    List<String> ids = new ArrayList<>();
    for (String line : body.split("\n")) {
      JsonNode node = Documents.mapper().readTree(line);
      for (String kind : List.of("index", "delete", "update")) {
        if (node.has(kind)) {
          ids.add(node.get(kind).get("_id").asText());
        }
      }
    }
    return ids;
  }

  private static String items(List<String> ids, Function<String, Integer> status) {
    ObjectNode body = Documents.mapper().createObjectNode();
    ArrayNode items = body.putArray("items");
    for (String id : ids) {
      ObjectNode item = items.addObject().putObject("index");
      int s = status.apply(id);
      item.put("_id", id).put("status", s);
      if (s / 100 != 2) {
        item.putObject("error").put("type", s == 400 ? "mapper_parsing_exception" : "es_rejected_execution_exception");
      }
    }
    body.put("errors", ids.stream().anyMatch(id -> status.apply(id) / 100 != 2));
    return body.toString();
  }

  private static void respond(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Test
  void loadIsRetriedRefusedDocumentsAreReportedAndOrderIsKept() throws Exception {
    Map<String, Integer> itemTries = new ConcurrentHashMap<>();
    Cluster cluster = endpoint(n -> n <= 2
        ? new Answer(429, id -> 429) // the whole request pushed back twice
        : new Answer(200, id -> switch (id) {
            case "busy" -> itemTries.merge(id, 1, Integer::sum) == 1 ? 503 : 201; // once refused, then taken
            case "broken" -> 400; // never taken: reported
            default -> 201;
          }));
    List<String> refused = Collections.synchronizedList(new ArrayList<>());
    try (cluster; BulkWriter writer = new BulkWriter(cluster, (owner, reason) -> refused.add(owner))) {
      for (String id : List.of("a", "busy", "broken", "b", "c")) {
        writer.index("t", id, Map.of("v", id), "file-" + id);
      }
      writer.flush();
      assertThat(refused).containsExactly("file-broken");
      assertThat(writer.sent()).isEqualTo(4);
      assertThat(writer.retried()).as("the refused operation was sent again").isGreaterThanOrEqualTo(1);
    }
    assertThat(received).containsExactly("a", "b", "c", "busy");
    assertThat(requests.get()).isEqualTo(4);
  }

  @Test
  void aFullQueueHoldsTheWriterBack() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/_bulk", ex -> {
      requests.incrementAndGet();
      List<String> ids = ids(ex);
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      respond(ex, 200, items(ids, id -> 201));
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    Cluster cluster = Cluster.connect(ClusterConfig.of("http://127.0.0.1:" + server.getAddress().getPort(), "t"));
    try (cluster; BulkWriter writer = new BulkWriter(cluster, (o, r) -> {})) {
      int total = BulkWriter.MAX_OPERATIONS * (BulkWriter.OUTSTANDING + 2);
      AtomicInteger added = new AtomicInteger();
      Thread producer = Thread.ofPlatform().start(() -> {
        for (int i = 0; i < total; i++) {
          writer.index("t", "d" + i, Map.of("i", i), null);
          added.incrementAndGet();
        }
      });
      // the cluster holds the first batch: the writer takes OUTSTANDING batches, then blocks
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (requests.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      producer.join(1000);
      assertThat(producer.isAlive()).as("the producer waits for the cluster").isTrue();
      assertThat(added.get()).isLessThan(total);
      release.countDown();
      producer.join(60_000);
      writer.flush();
      assertThat(writer.sent()).isEqualTo(total);
    }
  }

  @Test
  void aClusterThatNeverAnswersFailsTheFlushAfterTheRetries() throws Exception {
    Cluster cluster = Cluster.connect(ClusterConfig.of("http://127.0.0.1:1", "t")); // nothing listens on port 1
    try (cluster) {
      BulkWriter writer = new BulkWriter(cluster, (o, r) -> {}, new long[] {1, 1, 1});
      writer.index("t", "x", Map.of("v", 1), "file-x");
      assertThatThrownBy(writer::flush).isInstanceOf(IOException.class).hasMessageContaining("after 3 retries");
    }
  }
}
