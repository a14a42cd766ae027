package org.stdsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.stdsearch.SmallDisk;
import org.stdsearch.cli.Backends;
import org.stdsearch.search.Backend;

/**
 * {@code serve} with its index on a small real file system that fills up (issue 19): the index
 * says it is degraded (/ready 503, stats, metrics) while searches go on, logs the failure once
 * rather than every second, and once space is freed recovers by itself from the last commit and
 * indexes what changed meanwhile. Skipped where a tmpfs cannot be mounted.
 */
class LiveIndexDiskFullTest {
  static final Duration WAIT = Duration.ofSeconds(120);
  @TempDir Path tmp;
  SmallDisk disk;
  Backend live;
  HttpServer server;
  Client client;
  ListAppender<ILoggingEvent> logs;

  @AfterEach
  void tearDown() throws Exception {
    if (server != null) {
      server.stop(Duration.ofSeconds(2));
    }
    if (live != null) {
      live.close();
    }
    if (logs != null) {
      ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }
    if (disk != null) {
      disk.close();
    }
  }

  @Test
  void aFullDiskDegradesTheIndexAndItRecoversByItselfOnceSpaceIsBack() throws Exception {
    disk = SmallDisk.mount(tmp.resolve("disk"), 16);
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("first.txt"), "Information security techniques. The alphamarker requirement.\n");
    ServerConfig config = ServerConfig.local(docs, disk.root().resolve("index"), 0).withWatchInterval(1)
        .withWatchSettle(0);
    live = Backends.serving(config);
    server = HttpServer.start(config, live);
    client = new Client(server);
    live.open();
    live.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(total("alphamarker")).isEqualTo(1);
    assertThat(client.get("/ready").statusCode()).isEqualTo(200);

    logs = new ListAppender<>();
    logs.start();
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    disk.fill();
    Files.writeString(docs.resolve("second.txt"), "A standard written while the disk is full: quokkamarker.\n".repeat(200));

    awaitStatus("/ready", 503);
    HttpResponse<String> ready = client.get("/ready");
    ApiTest.assertProblem(ready, 503, "index-degraded");
    assertThat(Client.json(ready).get("detail").asText()).contains("disk holding the index is full");
    JsonNode stats = Client.json(client.get("/api/v1/stats"));
    assertThat(stats.at("/writing/state").asText()).isEqualTo("degraded");
    assertThat(stats.at("/writing/reason").asText()).contains("No space left on device");
    assertThat(client.get("/metrics").body()).contains("stdsearch_index_degraded 1.0");
    assertThat(total("alphamarker")).as("searches go on while degraded").isEqualTo(1);
    assertThat(client.get("/health").statusCode()).isEqualTo(200);

    Thread.sleep(6_000); // six refreshes and one recovery attempt: the failure is told once
    List<ILoggingEvent> loud = logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    assertThat(loud).as(loud.stream().map(ILoggingEvent::getFormattedMessage).toList().toString()).hasSizeLessThanOrEqualTo(2);

    disk.free();
    awaitStatus("/ready", 200);
    awaitTotal("quokkamarker", 1);
    assertThat(Client.json(client.get("/api/v1/stats")).at("/writing/state").asText()).isEqualTo("ok");
    assertThat(client.get("/metrics").body()).contains("stdsearch_index_degraded 0.0");

    Files.writeString(docs.resolve("third.txt"), "After recovery the watcher follows again: wombatmarker.\n");
    awaitTotal("wombatmarker", 1);
    assertThat(total("alphamarker")).isEqualTo(1);
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

  private void awaitStatus(String path, int status) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    int last = -1;
    while (System.nanoTime() < deadline) {
      last = client.get(path).statusCode();
      if (last == status) {
        return;
      }
      Thread.sleep(200);
    }
    assertThat(last).as(path + " after " + WAIT.toSeconds() + " s").isEqualTo(status);
  }
}
