package org.stdsearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.stdsearch.http.ServerConfig;
import org.stdsearch.opensearch.ClusterConfig;

/**
 * Where the index lives, for {@code serve}, {@code index} and {@code search}: the embedded Lucene
 * index (the default: nothing to run), or an OpenSearch cluster. Resolved like the rest of the
 * configuration: flags over {@code STDSEARCH_*} variables over {@code stdsearch.properties} over
 * defaults (keys {@code backend}, {@code opensearch.url}, {@code opensearch.index}, {@code
 * opensearch.ca}, {@code opensearch.shards}, {@code indexing}). The cluster's credentials come from
 * the environment only: {@code STDSEARCH_OPENSEARCH_USERNAME} and {@code STDSEARCH_OPENSEARCH_PASSWORD}.
 *
 * @param cluster the cluster, or null for the embedded index
 * @param shards primary shards of the indexes created in the cluster
 * @param indexing this process indexes the docs folder ({@code serve}); false: it answers from
 *     the cluster while another process indexes
 */
public record BackendConfig(ClusterConfig cluster, int shards, boolean indexing) {
  static final String EMBEDDED = "embedded";
  static final String OPENSEARCH = "opensearch";
  static final String USERNAME_ENV = "STDSEARCH_OPENSEARCH_USERNAME";
  static final String PASSWORD_ENV = "STDSEARCH_OPENSEARCH_PASSWORD";

  public static BackendConfig embedded() {
    return new BackendConfig(null, 1, true);
  }

  /** An OpenSearch cluster, one shard per index. */
  public static BackendConfig opensearch(ClusterConfig cluster, boolean indexing) {
    return new BackendConfig(cluster, 1, indexing);
  }

  boolean isEmbedded() {
    return cluster == null;
  }

  /** Resolves the backend from {@code flags} (keys as in the properties file), {@code env} and the file. */
  static BackendConfig resolve(Map<String, String> flags, Map<String, String> env, Path file, Path workingDir)
      throws IOException {
    Map<String, String> v = ServerConfig.values(flags, env, file, workingDir);
    String kind = v.get("backend").strip().toLowerCase(Locale.ROOT);
    boolean indexing = switch (v.get("indexing").strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("indexing must be true or false, was '" + v.get("indexing") + "'");
    };
    if (kind.equals(EMBEDDED)) {
      if (!indexing) {
        throw new IllegalArgumentException("--no-indexing needs --backend opensearch: the embedded index is written by"
            + " the server that serves it");
      }
      return embedded();
    }
    if (!kind.equals(OPENSEARCH)) {
      throw new IllegalArgumentException("backend must be embedded or opensearch, was '" + v.get("backend") + "'");
    }
    String url = v.get("opensearch.url");
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("--backend opensearch needs the cluster's address: --opensearch-url URL (or "
          + ServerConfig.envName("opensearch.url") + ", or opensearch.url= in " + ServerConfig.DEFAULT_FILE + ")");
    }
    Path ca = v.get("opensearch.ca") == null || v.get("opensearch.ca").isBlank() ? null
        : workingDir.resolve(v.get("opensearch.ca"));
    if (ca != null && !Files.isRegularFile(ca)) {
      throw new IllegalArgumentException("opensearch.ca is not a readable file: " + ca);
    }
    String user = blankToNull(env.get(USERNAME_ENV));
    String password = blankToNull(env.get(PASSWORD_ENV));
    int shards;
    try {
      shards = Integer.parseInt(v.get("opensearch.shards").strip());
    } catch (NumberFormatException e) {
      shards = 0;
    }
    if (shards < 1) {
      throw new IllegalArgumentException("opensearch.shards must be a positive number, was '" + v.get("opensearch.shards")
          + "'");
    }
    ClusterConfig cluster = new ClusterConfig(ClusterConfig.parseHosts(url), v.get("opensearch.index"), user, password,
        ca, null);
    return new BackendConfig(cluster, shards, indexing);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
