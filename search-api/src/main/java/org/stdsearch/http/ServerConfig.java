package org.stdsearch.http;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything {@code serve} is configured with, resolved once: flags over environment variables over
 * one properties file over defaults. Each key has one name; its environment variable is
 * {@code STDSEARCH_} plus the key upper-cased with dots as underscores ({@code admin.token} →
 * {@code STDSEARCH_ADMIN_TOKEN}).
 *
 * @param host address to bind (loopback by default: exposing the server is a decision)
 * @param port TCP port; 0 picks a free one (tests)
 * @param docs the folder of documents served and watched
 * @param index the index folder (created when missing)
 * @param workers extraction workers (forked JVMs) for indexing; {@link #DEFAULT_WORKERS}: the
 *     indexer's own default, the same as {@code index}'s (the number of processors, at most 4)
 * @param adminToken bearer token enabling the admin routes, or null (then they do not exist)
 * @param corsOrigins origins allowed to call the API from a browser; {@code *} for any; empty for none
 * @param rateLimit sustained requests per second per client address; 0 turns limiting off
 * @param rateBurst requests a client may make at once before the sustained rate applies
 * @param rateLimitLoopback also limit clients on the loopback interface (off: local tools are trusted)
 * @param maxUploadBytes largest admin upload; beyond it 413
 * @param watchIntervalSeconds how often the docs folder is scanned for changes; 0 turns watching off
 * @param accessLog log one line per request
 * @param ocrMode OCR of scanned documents and images: auto (when tesseract is on PATH), off, force
 * @param ocrLanguages Tesseract languages
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose {@code Forwarded} /
 *     {@code X-Forwarded-*} headers are believed (scheme, host and client of the request); empty:
 *     none, the headers are ignored
 */
public record ServerConfig(
    String host,
    int port,
    Path docs,
    Path index,
    int workers,
    String adminToken,
    List<String> corsOrigins,
    double rateLimit,
    int rateBurst,
    boolean rateLimitLoopback,
    long maxUploadBytes,
    int watchIntervalSeconds,
    boolean accessLog,
    String ocrMode,
    String ocrLanguages,
    List<String> trustedProxies) {

  public static final String DEFAULT_FILE = "stdsearch.properties";
  /** Workers left to the indexer's default, which {@code index} uses too: one definition of it. */
  public static final int DEFAULT_WORKERS = 0;

  /** Every key with its default (null: no default). */
  public static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("host", "127.0.0.1");
    d.put("port", "8080");
    d.put("docs", "corpus/standards");
    d.put("index", "data/index");
    d.put("workers", String.valueOf(DEFAULT_WORKERS));
    d.put("admin.token", null);
    d.put("cors.origins", "*");
    d.put("rate.limit", "20");
    d.put("rate.burst", "100");
    d.put("rate.limit.loopback", "false");
    d.put("upload.max.bytes", String.valueOf(100L * 1024 * 1024));
    d.put("watch.interval", "2");
    d.put("access.log", "false");
    d.put("ocr", "auto");
    d.put("ocr.languages", "chi_sim+eng");
    d.put("trusted.proxies", "");
    return java.util.Collections.unmodifiableMap(d);
  }

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(docs, "docs");
    Objects.requireNonNull(index, "index");
    corsOrigins = List.copyOf(corsOrigins);
    trustedProxies = List.copyOf(trustedProxies == null ? List.of() : trustedProxies);
    org.stdsearch.http.filter.TrustedProxyHandler.validate(trustedProxies); // fails at start, naming the key
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (workers < 0) {
      throw new IllegalArgumentException("workers must be at least 1 (or 0 for the default), was " + workers);
    }
    if (rateLimit < 0 || rateBurst < 1) {
      throw new IllegalArgumentException("rate.limit must be >= 0 and rate.burst >= 1");
    }
    if (adminToken != null && adminToken.isBlank()) {
      adminToken = null;
    }
    if (!List.of("auto", "off", "force").contains(ocrMode)) {
      throw new IllegalArgumentException("ocr must be auto, off or force, was " + ocrMode);
    }
  }

  /** The environment variable of a key. */
  public static String envName(String key) {
    return "STDSEARCH_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /**
   * Resolves the configuration.
   *
   * @param flags values given on the command line, by key (absent keys not given)
   * @param env the process environment (tests pass their own)
   * @param file an explicit properties file ({@code --config}), or null for {@value #DEFAULT_FILE}
   *     in {@code workingDir} when it exists
   */
  public static ServerConfig resolve(Map<String, String> flags, Map<String, String> env, Path file, Path workingDir)
      throws IOException {
    Map<String, String> values = new HashMap<>(DEFAULTS);
    Path props = file != null ? file : workingDir.resolve(DEFAULT_FILE);
    if (file != null && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--config is not a readable file: " + file);
    }
    if (Files.isRegularFile(props)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      for (String key : p.stringPropertyNames()) {
        if (!DEFAULTS.containsKey(key)) {
          throw new IllegalArgumentException("unknown key '" + key + "' in " + props.getFileName()
              + "; known: " + String.join(", ", DEFAULTS.keySet()));
        }
        values.put(key, p.getProperty(key).strip());
      }
    }
    for (String key : DEFAULTS.keySet()) {
      String v = env.get(envName(key));
      if (v != null && !v.isBlank()) {
        values.put(key, v.strip());
      }
    }
    flags.forEach((k, v) -> {
      if (!DEFAULTS.containsKey(k)) {
        throw new IllegalArgumentException("unknown configuration key " + k);
      }
      if (v != null) {
        values.put(k, v);
      }
    });
    return new ServerConfig(
        values.get("host"),
        integer(values, "port"),
        workingDir.resolve(values.get("docs")),
        workingDir.resolve(values.get("index")),
        integer(values, "workers"),
        values.get("admin.token"),
        origins(values.get("cors.origins")),
        decimal(values, "rate.limit"),
        integer(values, "rate.burst"),
        bool(values, "rate.limit.loopback"),
        Long.parseLong(checkedNumber(values, "upload.max.bytes")),
        integer(values, "watch.interval"),
        bool(values, "access.log"),
        values.get("ocr"),
        values.get("ocr.languages"),
        origins(values.get("trusted.proxies")));
  }

  /** Defaults for everything but the folders and the port, ignoring environment and files (tests). */
  public static ServerConfig local(Path docs, Path index, int port) {
    return new ServerConfig("127.0.0.1", port, docs, index, 2, null, List.of("*"), 20, 100, false,
        100L * 1024 * 1024, 1, false, "auto", "chi_sim+eng", List.of());
  }

  public boolean adminEnabled() {
    return adminToken != null;
  }

  public ServerConfig withAdminToken(String token) {
    return new ServerConfig(host, port, docs, index, workers, token, corsOrigins, rateLimit, rateBurst,
        rateLimitLoopback, maxUploadBytes, watchIntervalSeconds, accessLog, ocrMode, ocrLanguages, trustedProxies);
  }

  public ServerConfig withRateLimit(double perSecond, int burst, boolean loopbackToo) {
    return new ServerConfig(host, port, docs, index, workers, adminToken, corsOrigins, perSecond, burst,
        loopbackToo, maxUploadBytes, watchIntervalSeconds, accessLog, ocrMode, ocrLanguages, trustedProxies);
  }

  public ServerConfig withMaxUploadBytes(long bytes) {
    return new ServerConfig(host, port, docs, index, workers, adminToken, corsOrigins, rateLimit, rateBurst,
        rateLimitLoopback, bytes, watchIntervalSeconds, accessLog, ocrMode, ocrLanguages, trustedProxies);
  }

  public ServerConfig withWatchInterval(int seconds) {
    return new ServerConfig(host, port, docs, index, workers, adminToken, corsOrigins, rateLimit, rateBurst,
        rateLimitLoopback, maxUploadBytes, seconds, accessLog, ocrMode, ocrLanguages, trustedProxies);
  }

  public ServerConfig withCorsOrigins(List<String> origins) {
    return new ServerConfig(host, port, docs, index, workers, adminToken, origins, rateLimit, rateBurst,
        rateLimitLoopback, maxUploadBytes, watchIntervalSeconds, accessLog, ocrMode, ocrLanguages, trustedProxies);
  }

  public ServerConfig withTrustedProxies(List<String> proxies) {
    return new ServerConfig(host, port, docs, index, workers, adminToken, corsOrigins, rateLimit, rateBurst,
        rateLimitLoopback, maxUploadBytes, watchIntervalSeconds, accessLog, ocrMode, ocrLanguages, proxies);
  }

  /** A comma list (origins, proxies) as its non-blank items. */
  private static List<String> origins(String v) {
    return v == null ? List.of() : Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static int integer(Map<String, String> values, String key) {
    return Integer.parseInt(checkedNumber(values, key));
  }

  private static double decimal(Map<String, String> values, String key) {
    return Double.parseDouble(checkedNumber(values, key));
  }

  private static String checkedNumber(Map<String, String> values, String key) {
    String v = values.get(key);
    if (v == null || !v.matches("\\d+(\\.\\d+)?")) {
      throw new IllegalArgumentException(key + " must be a non-negative number, was '" + v + "'");
    }
    return v;
  }

  private static boolean bool(Map<String, String> values, String key) {
    String v = values.get(key).toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(key + " must be true or false, was '" + v + "'");
    }
    return Boolean.parseBoolean(v);
  }
}
