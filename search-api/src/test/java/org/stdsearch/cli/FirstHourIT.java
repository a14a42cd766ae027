package org.stdsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first hour of an operator, with the packaged jar run as the README says (issue 18): the
 * quick start with an old {@code java} first on PATH, the class-data archive without CDS errors,
 * errors that say what and why, a calm stop while indexing, and documentation that matches.
 */
class FirstHourIT {
  private static final Path ROOT = Path.of(System.getProperty("stdsearch.projectRoot", ".."));
  private static final Path JAR = Path.of("target/stdsearch.jar").toAbsolutePath();
  private static final Pattern SERVING = Pattern.compile("stdsearch serving .* at (http://\\S+/) ");

  @TempDir Path tmp;

  /** A running {@code serve} (or any command) with its output going to a file. */
  private record Running(Process process, Path output) {
    String text() throws IOException {
      return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** Waits for the "serving ... at URL" line; returns the URL. */
    String awaitServing() throws Exception {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (System.nanoTime() < deadline) {
        Matcher m = SERVING.matcher(text());
        if (m.find()) {
          return m.group(1);
        }
        assertThat(process.isAlive()).as("serve exited early: %s", text()).isTrue();
        Thread.sleep(100);
      }
      throw new AssertionError("serve did not start: " + text());
    }

    /** SIGTERM, as a service manager stops it; returns everything it printed. */
    String stop() throws Exception {
      process.destroy();
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("stopped after SIGTERM").isTrue();
      return text();
    }
  }

  private Running start(List<String> command, Map<String, String> env) throws IOException {
    Path out = Files.createTempFile(tmp, "output", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true)
        .redirectOutput(out.toFile());
    pb.environment().putAll(env);
    return new Running(pb.start(), out);
  }

  private String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private record Result(int exit, String output) {}

  private Result run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "--add-modules", "jdk.incubator.vector", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Running r = start(command, Map.of());
    assertThat(r.process().waitFor(3, TimeUnit.MINUTES)).isTrue();
    return new Result(r.process().exitValue(), r.text());
  }

  private Path docs(int files) throws IOException {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    for (int i = 0; i < files; i++) {
      Files.writeString(docs.resolve("standard-" + i + ".txt"),
          "Standard " + i + " on widget security & interoperability <requirements>.\n");
    }
    return docs;
  }

  /**
   * The lines of the bash block after {@code <!-- marker -->} in README.md, continuations joined,
   * to run in the test's folder: the jar is the one built here.
   */
  private static List<String> readmeBlock(String marker) throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int at = readme.indexOf("<!-- " + marker + " -->");
    assertThat(at).as("README has a block marked " + marker).isNotNegative();
    int start = readme.indexOf("```bash\n", at) + "```bash\n".length();
    String block = readme.substring(start, readme.indexOf("```", start)).replace("\\\n", " ");
    return Arrays.stream(block.split("\n")).map(String::strip).filter(l -> !l.isEmpty())
        .map(l -> l.replace("search-api/target/stdsearch.jar", JAR.toString())).toList();
  }

  /** An environment whose first {@code java} on PATH is not a usable JDK (as a Java 17 one is not). */
  private Map<String, String> oldJavaFirstOnPath() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("old-java-bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho 'Error: LinkageError occurred while loading main class "
        + "org.stdsearch.cli.Main: java.lang.UnsupportedClassVersionError (class file version 65.0; this Java "
        + "recognizes up to 61.0)' >&2\nexit 1\n");
    java.toFile().setExecutable(true);
    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    return env;
  }

  @Test
  void quickStartWorksWithAnOldJavaFirstOnPathAndAJdk21PlusInJavaHome() throws Exception {
    String serve = readmeBlock("quick-start").stream().filter(l -> l.contains("stdsearch.jar serve")).findFirst()
        .orElseThrow();
    Path docs = docs(2);
    Running r = start(List.of("bash", "-c", serve + " --docs " + docs + " --index " + tmp.resolve("index")
        + " --port 0"), oldJavaFirstOnPath());
    String url = r.awaitServing();
    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url + "health")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(r.stop()).doesNotContain("UnsupportedClassVersionError");
  }

  @Test
  void classDataArchiveCommandsPrintNoCdsErrorsOnAnyStart() throws Exception {
    List<String> block = readmeBlock("class-data-archive");
    Path data = tmp.resolve("data");
    Path docs = docs(2);
    Map<String, String> env = oldJavaFirstOnPath();
    String extra = " --docs " + docs + " --index " + tmp.resolve("index") + " --port 0";
    List<String> outputs = new ArrayList<>();
    for (String line : block) {
      String command = line;
      if (line.contains("stdsearch.jar serve")) {
        for (int start = 0; start < 2; start++) { // the first start writes the archive, the second uses it
          Running r = start(List.of("bash", "-c", command + extra), env);
          r.awaitServing();
          outputs.add(r.stop());
        }
      } else {
        Running r = start(List.of("bash", "-c", command), env);
        assertThat(r.process().waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(r.process().exitValue()).as(r.text()).isZero();
        outputs.add(r.text());
      }
    }
    assertThat(data.resolve("stdsearch.jsa")).as("the first start wrote the archive").isNotEmptyFile();
    assertThat(outputs).allSatisfy(o -> assertThat(o).doesNotContain("[error][cds]").doesNotContain("[warning][cds]"));
  }

  @Test
  void stoppingServeWhileItIndexesLogsOneCalmLine() throws Exception {
    Path docs = docs(80);
    Running r = start(List.of(java(), "--add-modules", "jdk.incubator.vector", "-jar", JAR.toString(), "serve",
        "--docs", docs.toString(), "--index", tmp.resolve("index").toString(), "--port", "0", "--workers", "1"),
        Map.of());
    String url = r.awaitServing();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    JsonNode indexing = null;
    while (System.nanoTime() < deadline) {
      JsonNode stats = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(url + "api/v1/stats"))
          .build(), HttpResponse.BodyHandlers.ofString()).body());
      indexing = stats.get("indexing");
      if (indexing != null && indexing.path("files_done").asInt() > 0) {
        break;
      }
      Thread.sleep(50);
    }
    assertThat(indexing).as("stats said indexing N of M files before the stop").isNotNull();
    assertThat(indexing.get("files_total").asInt()).isEqualTo(80);
    String output = r.stop();
    assertThat(output).contains("indexing stopped: the server is shutting down")
        .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("ERROR");
  }

  @Test
  void aBusyPortIsNamedAndNothingIsCreated() throws Exception {
    Path docs = docs(1);
    try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Result r = run("serve", "--docs", docs.toString(), "--index", tmp.resolve("index").toString(),
          "--port", Integer.toString(busy.getLocalPort()));
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.output()).contains("error: cannot listen on 127.0.0.1:" + busy.getLocalPort()
          + ": the port is already in use").doesNotContain("Exception");
    }
    assertThat(tmp.resolve("index")).doesNotExist();
  }

  @Test
  void indexAndSearchErrorsSayWhatAndWhy() throws Exception {
    Path docs = docs(3);
    Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
    Result isFile = run("index", "--docs", docs.toString(), "--index", file.toString());
    assertThat(isFile.exit()).isEqualTo(1);
    assertThat(isFile.output()).contains("error: the index folder " + file + " is a file, not a folder");
    Result underFile = run("index", "--docs", docs.toString(), "--index", file.resolve("index").toString());
    assertThat(underFile.output()).contains("error: the index folder " + file.resolve("index") + " cannot be written: ")
        .doesNotContain("Exception");

    Result noIndex = run("search", "--index", docs.toString(), "security");
    assertThat(noIndex.exit()).isEqualTo(1);
    assertThat(noIndex.output()).contains("error: the folder " + docs + " holds no index; make one with: index --docs DIR");
    Result noFolder = run("search", "--index", tmp.resolve("nowhere").toString(), "security");
    assertThat(noFolder.output()).contains("error: there is no index folder " + tmp.resolve("nowhere"));

    assertThat(run("index", "--docs", docs.toString(), "--index", tmp.resolve("index").toString(), "--workers", "1")
        .exit()).isZero();
    Result text = run("search", "--index", tmp.resolve("index").toString(), "security");
    assertThat(text.exit()).isZero();
    assertThat(text.output()).contains("3 hits").contains("widget security & interoperability <requirements>")
        .doesNotContain("<mark>").doesNotContain("&amp;").doesNotContain("&lt;");
  }

  @Test
  void workersDefaultIsStatedTheSameForIndexServeAndInTheReadme() throws Exception {
    String stated = "the number of processors, at most 4";
    assertThat(run("index", "--help").output().replaceAll("\\s+", " ")).contains("(default: " + stated + ")");
    assertThat(run("serve", "--help").output().replaceAll("\\s+", " ")).contains("(default: " + stated + ")");
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertThat(readme).contains("| `workers` | `STDSEARCH_WORKERS` | " + stated + " |")
        .contains("(`--workers`, default: " + stated + ")")
        .doesNotContain("one per core").doesNotContain("min(4, cores)");
  }

  @Test
  void theSystemPackagesTheTestsNeedAreListedAsCiInstallsThem() throws Exception {
    String ci = Files.readString(ROOT.resolve(".ci/run"));
    Matcher m = Pattern.compile("packages=\\(([^)]*)\\)").matcher(ci);
    assertThat(m.find()).isTrue();
    List<String> installed = Arrays.asList(m.group(1).strip().split("\\s+"));
    String readme = Files.readString(ROOT.resolve("README.md"));
    String listed = readme.substring(readme.indexOf("<!-- system-packages -->"), readme.indexOf("<!-- /system-packages -->"));
    List<String> names = Pattern.compile("`([a-z0-9.+-]+)`").matcher(listed).results().map(x -> x.group(1)).toList();
    assertThat(names).containsExactlyInAnyOrderElementsOf(installed);
    assertThat(ci).contains("npm ci --prefix search-api/src/test/instantsearch");
  }
}
