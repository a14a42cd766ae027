package org.stdsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.http.Json;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.ClusterConfig;
import org.stdsearch.opensearch.node.OpenSearchNode;

/** {@code index} and {@code search} with {@code --backend opensearch} against a real node (issue 17). */
class OpenSearchCommandsTest {
  @TempDir Path tmp;
  String index = "cli-" + System.nanoTime();

  @AfterEach
  void drop() throws Exception {
    try (Cluster c = Cluster.connect(ClusterConfig.of(OpenSearchNode.shared().url(), index))) {
      c.deleteLayout();
    }
  }

  private String run(String... args) {
    PrintStream before = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(args)).as(String.join(" ", args) + "\n" + out).isZero();
    } finally {
      System.setOut(before);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void indexAndSearchAgainstTheCluster() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "A standard about the kiwimarker protocol.\n");
    Files.writeString(docs.resolve("b.txt"), "Another one, on the emumarker method.\n");
    String url = OpenSearchNode.shared().url();

    String indexed = run("index", "--docs", docs.toString(), "--index", tmp.resolve("ocr").toString(), "--workers", "1",
        "--ocr", "off", "--backend", "opensearch", "--opensearch-url", url, "--opensearch-index", index);
    assertThat(indexed).contains("2");

    String json = run("search", "--backend", "opensearch", "--opensearch-url", url, "--opensearch-index", index,
        "--json", "kiwimarker");
    var response = Json.mapper().readTree(json);
    assertThat(response.get("total").asLong()).isEqualTo(1);
    assertThat(response.at("/hits/0/links/self").asText()).startsWith("/api/v1/standards/");
    assertThat(run("search", "--backend", "opensearch", "--opensearch-url", url, "--opensearch-index", index, "emumarker"))
        .contains("1 hits");
  }
}
