package org.stdsearch.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.cli.BackendConfig;
import org.stdsearch.cli.Backends;
import org.stdsearch.http.HttpServer;
import org.stdsearch.http.Json;
import org.stdsearch.http.ServerConfig;
import org.stdsearch.index.opensearch.OpenSearchSink;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.ClusterConfig;
import org.stdsearch.opensearch.node.OpenSearchNode;
import org.stdsearch.search.Backend;
import org.stdsearch.search.lucene.SearchFixtures;

/**
 * A two-node cluster (a manager-and-data node and a data node), every index with a replica on the
 * other node, and a server answering from it over both nodes' addresses without indexing: one node
 * is killed (SIGKILL) while four clients search, and every search still answers, with the full
 * result (issue 17).
 */
class ClusterFailoverIT {
  static final int CLIENTS = 4;
  static final Duration BEFORE_KILL = Duration.ofSeconds(5);
  static final Duration AFTER_KILL = Duration.ofSeconds(15);

  @TempDir static Path tmp;
  static OpenSearchNode first;
  static OpenSearchNode second;
  static ClusterConfig config;
  static SearchFixtures corpus;

  @BeforeAll
  static void startClusterAndIndex() throws Exception {
    String name = "failover-" + System.nanoTime();
    first = OpenSearchNode.bootstrap(name, "node-1");
    second = OpenSearchNode.join(first, "node-2");
    config = ClusterConfig.of(first.url() + "," + second.url(), "failover");
    corpus = new SearchFixtures();
    try (Cluster cluster = Cluster.connect(config)) {
      cluster.send("GET", "/_cluster/health?wait_for_nodes=2&timeout=120s", null);
      try (OpenSearchSink sink = OpenSearchSink.open(cluster, corpus.taxonomy, 1, false)) {
        corpus.writeTo(sink, tmp);
      }
      // every primary with its replica on the other node before anything is killed
      JsonNode health = cluster.send("GET", "/_cluster/health/" + String.join(",", cluster.layout().all())
          + "?wait_for_status=green&timeout=120s", null);
      assertThat(health.path("status").asText()).isEqualTo("green");
    }
  }

  @AfterAll
  static void stopCluster() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  @Test
  void searchesGoOnWhenANodeDies() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("served-docs"));
    ServerConfig serverConfig = ServerConfig.local(docs, tmp.resolve("unused-index"), 0).withWatchInterval(0)
        .withRateLimit(0, 1, false);
    Backend backend = Backends.serving(serverConfig, BackendConfig.opensearch(config, false));
    HttpServer server = HttpServer.start(serverConfig, backend);
    try {
      backend.open();
      backend.start().get(30, TimeUnit.SECONDS);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + server.port() + "/api/v1/search?facets=field,status&q=";
      List<String> queries = List.of("", "personal information", "个人信息", "GB/T 35273", "screw threads", "filler");
      long[] expected = new long[queries.size()];
      for (int i = 0; i < queries.size(); i++) {
        expected[i] = total(http, base, queries.get(i));
      }
      assertThat(expected[0]).isEqualTo(corpus.fixtures.size());

      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger answered = new AtomicInteger();
      AtomicInteger afterKill = new AtomicInteger();
      AtomicBoolean killed = new AtomicBoolean();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int offset = c;
        clients.add(Thread.ofPlatform().start(() -> {
          int n = offset;
          while (!stop.get()) {
            int i = n++ % queries.size();
            try {
              HttpResponse<String> r = get(http, base + encode(queries.get(i)));
              JsonNode body = Json.mapper().readTree(r.body());
              if (r.statusCode() != 200) {
                failures.add(r.statusCode() + " " + r.body());
              } else if (body.get("total").asLong() != expected[i] || body.get("partial").asBoolean()) {
                failures.add("'" + queries.get(i) + "': total " + body.get("total") + " partial " + body.get("partial")
                    + ", expected " + expected[i]);
              }
              answered.incrementAndGet();
              if (killed.get()) {
                afterKill.incrementAndGet();
              }
            } catch (Exception e) {
              failures.add(e.toString());
            }
          }
        }));
      }
      try {
        Thread.sleep(BEFORE_KILL.toMillis());
        second.kill();
        killed.set(true);
        Thread.sleep(AFTER_KILL.toMillis());
      } finally {
        stop.set(true);
        for (Thread t : clients) {
          t.join(30_000);
        }
      }
      System.out.printf("failover: %d searches answered, %d after the kill, %d failures%n", answered.get(),
          afterKill.get(), failures.size());
      assertThat(second.alive()).isFalse();
      assertThat(afterKill.get()).as("searches answered after the node died").isGreaterThan(10);
      assertThat(failures).as("every search answers in full while a node dies").isEmpty();
    } finally {
      server.stop(Duration.ofSeconds(1));
      backend.close();
    }
  }

  private static long total(HttpClient http, String base, String q) throws Exception {
    HttpResponse<String> r = get(http, base + encode(q));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body()).get("total").asLong();
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String q) {
    return java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
  }
}
