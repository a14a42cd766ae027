package org.stdsearch.http.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.stdsearch.http.ServerConfig;
import org.stdsearch.search.Backend;
import org.stdsearch.cli.Backends;

/**
 * What the browser tests share, started once per JVM: the real server ({@code HttpServer} over the
 * embedded backend, wired as {@code serve} wires it, of the generated corpus in {@code corpus/}), a
 * second "portal" origin (a JDK HTTP server on another port and host name serving static pages),
 * and headless Chromium from Debian's packages driven through {@code /usr/bin/chromedriver};
 * Selenium Manager is never asked to download anything. Tests are skipped (an assumption) when Chromium is not installed.
 */
final class BrowserFixture {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final List<String> CORPUS = List.of("gbt-22239-2019.txt", "gbt-35273-2020.txt", "gbt-35273-2017.txt",
      "gbt-42755-2023.txt", "rfc-9110.html");
  private static final Duration INDEXING = Duration.ofSeconds(180);
  private static BrowserFixture shared;

  final Path tmp;
  final Backend live;
  final org.stdsearch.http.HttpServer server;
  final HttpServer portal;
  final Map<String, String> portalPages = new ConcurrentHashMap<>();
  final Map<String, Path> portalFiles = new ConcurrentHashMap<>();

  /** Skips the calling test unless Chromium and its driver are installed. */
  static synchronized BrowserFixture get() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    if (shared == null) {
      shared = new BrowserFixture();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  private BrowserFixture() throws Exception {
    tmp = Files.createTempDirectory("stdsearch-web-it");
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    for (String name : CORPUS) {
      copyResource("corpus/" + name, docs.resolve(name));
      copyResource("corpus/" + name + ".meta.json", docs.resolve(name + ".meta.json"));
    }
    ServerConfig config = ServerConfig.local(docs, tmp.resolve("index"), 0).withWatchInterval(0);
    live = Backends.serving(config);
    server = org.stdsearch.http.HttpServer.start(config, live);
    live.open();
    live.start().get(INDEXING.toSeconds(), TimeUnit.SECONDS);
    awaitIndexed();

    // "localhost" (not 127.0.0.1) and another port: a different origin in every respect.
    portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    portal.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      byte[] body;
      String type;
      if (portalPages.containsKey(path)) {
        body = portalPages.get(path).getBytes(StandardCharsets.UTF_8);
        type = "text/html; charset=utf-8";
      } else if (portalFiles.containsKey(path)) {
        body = Files.readAllBytes(portalFiles.get(path));
        type = "text/javascript; charset=utf-8";
      } else {
        body = "not found".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(404, body.length);
        ex.getResponseBody().write(body);
        ex.close();
        return;
      }
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    portal.start();
  }

  private void copyResource(String name, Path target) throws IOException {
    try (InputStream in = BrowserFixture.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      Files.copy(in, target);
    }
  }

  /** Waits until every corpus document answers an empty search (the refresh is asynchronous). */
  private void awaitIndexed() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + INDEXING.toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      body = http.send(HttpRequest.newBuilder(URI.create(api("/api/v1/search?size=0"))).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      if (body.contains("\"total\":" + CORPUS.size() + ",")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("corpus not searchable in time; last answer: " + body);
  }

  /**
   * Serves the test resource {@code portal/<name>} at {@code path} on the portal origin, with
   * {@code {{API}}} and {{PORTAL}} replaced by the two origins; returns its URL.
   */
  String portalPage(String path, String name) throws IOException {
    try (InputStream in = BrowserFixture.class.getResourceAsStream("portal/" + name)) {
      String html = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{{API}}", api("").replaceAll("/$", ""))
          .replace("{{PORTAL}}", portal(""));
      portalPages.put(path, html);
    }
    return portal(path);
  }

  /** An absolute URL on the search server (path starts with /). */
  String api(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** An absolute URL on the portal origin. */
  String portal(String path) {
    return "http://localhost:" + portal.getAddress().getPort() + path;
  }

  /** A fresh headless Chromium with its own profile and an English UI. */
  ChromeDriver browser(int width, int height) throws IOException {
    return start(width, height, false);
  }

  /** The same at phone size (390 × 844 CSS pixels, touch, mobile viewport). */
  ChromeDriver phone() throws IOException {
    return start(500, 900, true);
  }

  private ChromeDriver start(int width, int height, boolean phone) throws IOException {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile = Files.createTempDirectory(tmp, "chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--lang=en-US", "--force-device-scale-factor=1",
        "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
    if (phone) {
      options.setExperimentalOption("mobileEmulation",
          Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true)));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return driver;
  }

  /** Saves a PNG under target/screenshots/ (a test artifact to look at, not an assertion). */
  static void screenshot(ChromeDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void close() {
    portal.stop(0);
    server.stop(Duration.ofSeconds(1));
    live.close();
  }
}
