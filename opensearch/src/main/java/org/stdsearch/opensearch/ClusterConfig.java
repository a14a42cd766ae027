package org.stdsearch.opensearch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach an OpenSearch cluster and which indexes are ours.
 *
 * @param hosts node addresses ({@code http://} or {@code https://}); requests go to any live one
 * @param index base name of the indexes ({@code NAME}, {@code NAME-terms}, {@code NAME-passages},
 *     {@code NAME-files}); several deployments share a cluster under different names
 * @param username basic-auth user, or null (credentials come from the environment, not from files)
 * @param password basic-auth password, or null
 * @param caCertificate a PEM certificate to trust for {@code https://} besides the JDK's, or null
 * @param timeout time limit of one request to the cluster
 */
public record ClusterConfig(List<URI> hosts, String index, String username, String password, Path caCertificate,
    Duration timeout) {

  public static final String DEFAULT_INDEX = "stdsearch";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  /** OpenSearch's own rule for index names, narrowed to what stays readable in URLs and logs. */
  private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,200}");

  public ClusterConfig {
    hosts = List.copyOf(hosts);
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("opensearch.url: give at least one node address");
    }
    for (URI h : hosts) {
      String scheme = h.getScheme() == null ? "" : h.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || h.getHost() == null) {
        throw new IllegalArgumentException("opensearch.url: not an http(s) address: " + h);
      }
      if (h.getUserInfo() != null) {
        throw new IllegalArgumentException(
            "opensearch.url: put credentials in STDSEARCH_OPENSEARCH_USERNAME/STDSEARCH_OPENSEARCH_PASSWORD, not in the URL");
      }
    }
    index = index == null || index.isBlank() ? DEFAULT_INDEX : index.strip();
    if (!INDEX_NAME.matcher(index).matches()) {
      throw new IllegalArgumentException("opensearch.index: lower-case letters, digits, '_', '-' and '.' only, was " + index);
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("give both the OpenSearch user name and the password, or neither");
    }
    timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
  }

  /** Parses a comma-separated list of node addresses. */
  public static List<URI> parseHosts(String urls) {
    if (urls == null || urls.isBlank()) {
      throw new IllegalArgumentException("opensearch.url: give the cluster's address (e.g. http://localhost:9200)");
    }
    return java.util.Arrays.stream(urls.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
      try {
        return URI.create(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("opensearch.url: not an address: " + s);
      }
    }).toList();
  }

  /** A local cluster without credentials (tests, benchmarks). */
  public static ClusterConfig of(String urls, String index) {
    return new ClusterConfig(parseHosts(urls), index, null, null, null, null);
  }
}
