package org.stdsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.SmallDisk;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.cli.Backends;
import org.stdsearch.search.Backend;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;

/**
 * {@code serve --read-only} (issue 19): a prebuilt index on a read-only file system is searched,
 * ready and says it is read-only; nothing is written to it and the admin routes do not exist,
 * even with a token. Skipped where a tmpfs cannot be mounted.
 */
class ReadOnlyServeTest {
  @TempDir Path tmp;
  SmallDisk disk;
  Backend index;
  HttpServer server;

  @AfterEach
  void tearDown() throws Exception {
    if (server != null) {
      server.stop(Duration.ofSeconds(1));
    }
    if (index != null) {
      index.close();
    }
    if (disk != null) {
      disk.close();
    }
  }

  @Test
  void aPrebuiltIndexOnAReadOnlyFileSystemIsServedAndNeverWritten() throws Exception {
    disk = SmallDisk.mount(tmp.resolve("disk"), 32);
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "A prebuilt standard about the narwhalmarker protocol.\n");
    Path built = disk.root().resolve("index");
    Indexer.indexFolder(IndexerConfig.of(docs, built).withWorkers(1)
        .withOcr(OcrOptions.defaults().withMode(OcrMode.OFF)));
    disk.remountReadOnly();
    Map<String, Long> before = listing(built);

    ServerConfig config = ServerConfig.local(docs, built, 0).withReadOnly(true).withAdminToken("ro-token");
    index = Backends.serving(config);
    server = HttpServer.start(config, index);
    index.open();
    Client client = new Client(server);

    assertThat(Client.json(client.get("/api/v1/search?q=narwhalmarker")).get("total").asLong()).isEqualTo(1);
    assertThat(client.get("/ready").statusCode()).isEqualTo(200);
    assertThat(Client.json(client.get("/api/v1/stats")).at("/writing/state").asText()).isEqualTo("read-only");
    assertThat(client.get("/api/v1/standards/" + firstId(client) + "/content").statusCode()).isEqualTo(200);
    ApiTest.assertProblem(client.send(client.request("/api/v1/admin/reindex").header("Authorization", "Bearer ro-token")
        .POST(HttpRequest.BodyPublishers.noBody()).build()), 404, "not-found");
    assertThat(listing(built)).as("nothing written to the index folder").isEqualTo(before);
  }

  private static String firstId(Client client) throws Exception {
    return Client.json(client.get("/api/v1/search?q=narwhalmarker")).at("/hits/0/id").asText();
  }

  private static Map<String, Long> listing(Path dir) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis());
      }
    }
    return out;
  }
}
