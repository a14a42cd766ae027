package org.stdsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.cli.BackendConfig;
import org.stdsearch.cli.Backends;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.ClusterConfig;
import org.stdsearch.opensearch.node.OpenSearchNode;
import org.stdsearch.search.Backend;

/**
 * Two servers on one cluster (issue 17): the first indexes and watches the docs folder, the second
 * ({@code --no-indexing}) only answers. A file dropped into the folder is found through both; the
 * answering server sends changes away with a clear 503 instead of writing.
 */
class OpenSearchTwoServersTest {
  static final String TOKEN = "two-servers";
  static final Duration WAIT = Duration.ofSeconds(90);
  @TempDir Path tmp;
  ClusterConfig cluster;
  Backend indexing;
  Backend answering;
  HttpServer first;
  HttpServer second;

  @AfterEach
  void stop() throws Exception {
    for (HttpServer s : new HttpServer[] {first, second}) {
      if (s != null) {
        s.stop(Duration.ofSeconds(1));
      }
    }
    for (Backend b : new Backend[] {answering, indexing}) {
      if (b != null) {
        b.close();
      }
    }
    try (Cluster c = Cluster.connect(cluster)) {
      c.deleteLayout();
    }
  }

  private static long total(Client client, String q) throws Exception {
    HttpResponse<String> r = client.get("/api/v1/search?q=" + q);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Client.json(r).get("total").asLong();
  }

  private static void awaitTotal(Client client, String q, long expected) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    long last = -1;
    while (System.nanoTime() < deadline && (last = total(client, q)) != expected) {
      Thread.sleep(200);
    }
    assertThat(last).as("total for " + q).isEqualTo(expected);
  }

  @Test
  void oneServerIndexesAndAnotherAnswersFromTheSameCluster() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("first.txt"), "A standard on the toucanmarker protocol.\n");
    cluster = ClusterConfig.of(OpenSearchNode.shared().url(), "two-" + System.nanoTime());

    ServerConfig a = ServerConfig.local(docs, tmp.resolve("index-a"), 0).withWatchInterval(1).withAdminToken(TOKEN);
    indexing = Backends.serving(a, BackendConfig.opensearch(cluster, true));
    first = HttpServer.start(a, indexing);
    indexing.open();
    indexing.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    ServerConfig b = ServerConfig.local(docs, tmp.resolve("index-b"), 0).withWatchInterval(1).withAdminToken(TOKEN);
    answering = Backends.serving(b, BackendConfig.opensearch(cluster, false));
    second = HttpServer.start(b, answering);
    answering.open();
    answering.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    Client one = new Client(first);
    Client two = new Client(second);
    assertThat(total(one, "toucanmarker")).isEqualTo(1);
    assertThat(total(two, "toucanmarker")).isEqualTo(1);

    Files.writeString(docs.resolve("second.txt"), "Another standard, on the pelicanmarker method.\n");
    awaitTotal(one, "pelicanmarker", 1);
    awaitTotal(two, "pelicanmarker", 1);

    HttpResponse<String> upload = two.send(two.request("/api/v1/admin/documents?filename=x.txt")
        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString("text")).build());
    ApiTest.assertProblem(upload, 503, "index-not-ready");
    assertThat(docs.resolve("uploads")).doesNotExist();
  }
}
