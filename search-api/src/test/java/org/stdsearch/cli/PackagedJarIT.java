package org.stdsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged artifact, run as a user runs it ({@code java -jar target/stdsearch.jar}), on real
 * documents: Tika parsers and Lucene codecs must be found through META-INF/services from the
 * lib/ folder beside the jar.
 */
class PackagedJarIT {
  private static final Path JAR = Path.of("target/stdsearch.jar");

  @TempDir Path tmp;

  @Test
  void indexesAndSearchesWithThePackagedJar() throws Exception {
    assertThat(JAR).exists();
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("rfc-sample.txt"), """
        Internet Engineering Task Force (IETF)                      J. Doe
        Request for Comments: 9999                                  Example
        Category: Standards Track                                 March 2024

                        The Widget Transfer Protocol

        Abstract
           The Widget Transfer Protocol moves widgets between hosts reliably.
        """);
    Files.writeString(docs.resolve("zh.html"), "<html><head><meta charset=utf-8><title>信息安全技术 个人信息安全规范</title></head>"
        + "<body><p>个人信息控制者应当遵循合法、正当、必要的原则。</p></body></html>");
    Path index = tmp.resolve("index");
    Path report = tmp.resolve("report.json");

    Result indexed = run("index", "--docs", docs.toString(), "--index", index.toString(), "--workers", "1",
        "--report", report.toString());
    assertThat(indexed.exit()).as(indexed.output()).isZero();
    JsonNode r = new ObjectMapper().readTree(report.toFile()).get("report");
    assertThat(r.get("indexed").asInt()).isEqualTo(2);
    assertThat(r.get("per_status").get("ok").asInt()).isEqualTo(2);

    Result english = run("search", "--index", index.toString(), "--json", "widget", "transfer");
    assertThat(english.exit()).as(english.output()).isZero();
    JsonNode hits = new ObjectMapper().readTree(english.stdout()).get("hits");
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).get("id").asText()).isNotBlank();
    assertThat(hits.get(0).get("score").asDouble()).isPositive();

    Result chinese = run("search", "--index", index.toString(), "--json", "个人信息");
    JsonNode zh = new ObjectMapper().readTree(chinese.stdout()).get("hits");
    assertThat(zh).hasSize(1);
    assertThat(zh.get(0).get("title").get("zh").asText()).contains("个人信息安全规范");

    Result help = run("index", "--help");
    assertThat(help.stdout()).contains("--docs").contains("--workers").contains("--report").contains("--timeout");
  }

  @Test
  void theLauncherRunsTheServerWithABoundedHeap() throws Exception {
    // Issue 19: without -Xmx the server's RSS grew to 3-5 GB under load for 22 MB of live data.
    Path launcher = Path.of("target/stdsearch");
    assertThat(launcher).isExecutable();
    Path docs = Files.createDirectories(tmp.resolve("served"));
    Files.writeString(docs.resolve("a.txt"), "A standard.\n");
    ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "serve", "--docs", docs.toString(),
        "--index", tmp.resolve("served-index").toString(), "--port", "0")
        .redirectError(tmp.resolve("serve-stderr.txt").toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().remove("STDSEARCH_JAVA_OPTS");
    Process server = pb.start();
    try {
      var out = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as(Files.readString(tmp.resolve("serve-stderr.txt"))).contains(" at http://");
      String base = line.substring(line.indexOf(" at http://") + 4, line.indexOf('/', line.indexOf(" at http://") + 12));
      var http = java.net.http.HttpClient.newHttpClient();
      String metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      double heapMax = metrics.lines().filter(l -> l.startsWith("jvm_memory_max_bytes{area=\"heap\""))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).filter(v -> v > 0).sum();
      assertThat(heapMax).as(metrics.lines().filter(l -> l.startsWith("jvm_memory_max")).toList().toString())
          .isPositive().isLessThanOrEqualTo(1024.0 * 1024 * 1024);
    } finally {
      server.destroy();
      assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  private record Result(int exit, String stdout, String output) {}

  private Result run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile(tmp, "stderr", ".txt");
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Result(p.exitValue(), stdout, stdout + Files.readString(err));
  }
}
