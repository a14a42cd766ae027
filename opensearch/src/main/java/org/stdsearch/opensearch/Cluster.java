package org.stdsearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.util.ArrayList;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to an OpenSearch cluster over HTTP(S) (opensearch-java over Apache HttpClient 5's
 * classic client, {@link BlockingTransport}):
 * the client, our {@link IndexLayout}, and the few index-level operations both the sink and the
 * search service need. Requests go to any of the configured nodes; a node that fails is skipped
 * until it answers again. Thread-safe; close it to release the connections.
 */
public final class Cluster implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Cluster.class);
  /** Connections per node: the API's searches, the sink's bulk writes and the lineage pass at once. */
  private static final int MAX_CONNECTIONS_PER_NODE = 32;
  /** Each connection's read buffer, 32 KB: a few MB at most over every connection. */
  private static final int RECEIVE_BUFFER_BYTES = 32 * 1024;

  private final ClusterConfig config;
  private final OpenSearchTransport transport;
  private final OpenSearchClient client;
  private final IndexLayout layout;

  private Cluster(ClusterConfig config, OpenSearchTransport transport) {
    this.config = config;
    this.transport = transport;
    this.client = new OpenSearchClient(transport);
    this.layout = new IndexLayout(config.index());
  }

  /** Connects (lazily: nothing is sent until the first request). */
  public static Cluster connect(ClusterConfig config) {
    List<HttpHost> hosts = config.hosts().stream().map(Cluster::host).toList();
    SSLContext ssl = sslContext(config);
    Timeout timeout = Timeout.of(config.timeout());
    CloseableHttpClient http = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnPerRoute(MAX_CONNECTIONS_PER_NODE)
            .setMaxConnTotal(MAX_CONNECTIONS_PER_NODE * hosts.size())
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout)
                .build())
            .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(ssl).buildClassic())
            // a search's answer (ten hits with their records, facets: 10-20 KB) read in one system
            // call rather than in 8 KB pieces
            .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                .http1Config(Http1Config.custom().setBufferSize(RECEIVE_BUFFER_BYTES).build()).build())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(timeout)
            .setResponseTimeout(timeout).build())
        // failing over to another node is the transport's job; answers come uncompressed (no CPU on
        // either side for a loopback or LAN hop), as opensearch-java's own transport asks for them
        .disableAutomaticRetries()
        .disableContentCompression()
        .disableRedirectHandling()
        .disableCookieManagement()
        .build();
    List<Header> headers = new ArrayList<>();
    if (config.username() != null) {
      if (config.hosts().stream().anyMatch(h -> h.getScheme().equalsIgnoreCase("http"))) {
        log.warn("OpenSearch credentials are sent over plain http: use https:// outside a trusted network");
      }
      // Pre-emptive basic authentication, as OpenSearch's own clients do: one round trip per request.
      String token = Base64.getEncoder().encodeToString(
          (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
      headers.add(new BasicHeader("Authorization", "Basic " + token));
    }
    return new Cluster(config, new BlockingTransport(http, hosts, headers, new JacksonJsonpMapper(Documents.mapper())));
  }

  private static HttpHost host(URI uri) {
    int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 9200;
    return new HttpHost(uri.getScheme().toLowerCase(java.util.Locale.ROOT), uri.getHost(), port);
  }

  /** The JDK's trust, or only the configured CA certificate(s). */
  private static SSLContext sslContext(ClusterConfig config) {
    try {
      if (config.caCertificate() == null) {
        return SSLContext.getDefault();
      }
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      Collection<? extends Certificate> certificates;
      try (InputStream in = Files.newInputStream(config.caCertificate())) {
        certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("opensearch.ca: no certificate in " + config.caCertificate().getFileName());
      }
      int i = 0;
      for (Certificate c : certificates) {
        trust.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return ssl;
    } catch (IOException e) {
      throw new IllegalArgumentException("opensearch.ca: cannot read " + config.caCertificate().getFileName() + ": "
          + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("opensearch.ca: not a usable certificate: " + e.getMessage(), e);
    }
  }

  public OpenSearchClient client() {
    return client;
  }

  public IndexLayout layout() {
    return layout;
  }

  public ClusterConfig config() {
    return config;
  }

  /** A request outside the typed API (index creation from our JSON, stats); the body of a 2xx answer. */
  public JsonNode send(String method, String endpoint, String json) throws IOException {
    Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(endpoint);
    if (json != null) {
      request.json(json);
    }
    try (Response r = client.generic().execute(request.build())) {
      String body = r.getBody().map(Body::bodyAsString).orElse("");
      if (r.getStatus() / 100 != 2) {
        String reason = r.getReason() == null || r.getReason().isBlank() ? "" : r.getReason() + " ";
        throw new ClusterException(r.getStatus(), reason + method + " " + endpoint + ": " + abbreviate(body));
      }
      return body.isEmpty() ? Documents.mapper().createObjectNode() : Documents.mapper().readTree(body);
    }
  }

  /** Whether every index of the layout exists with this build's layout version. */
  public boolean layoutReady() throws IOException {
    for (String index : layout.all()) {
      if (!IndexLayout.VERSION.equals(layoutVersion(index))) {
        return false;
      }
    }
    return true;
  }

  /** The layout version recorded in {@code index}'s mapping, or null when the index does not exist. */
  String layoutVersion(String index) throws IOException {
    try {
      JsonNode mapping = send("GET", "/" + index + "/_mapping", null);
      return mapping.path(index).path("mappings").path("_meta").path(IndexLayout.META_KEY).asText(null);
    } catch (ClusterException e) {
      if (e.status() == 404) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Creates the indexes that are missing; an index of another layout version is deleted and created
   * again (its documents are re-indexed by the next run, as the embedded index does on a schema
   * change). Returns true when anything was created, so the caller knows the state starts empty.
   */
  public boolean ensureLayout(int shards) throws IOException {
    boolean created = false;
    for (String index : layout.all()) {
      String found = layoutVersion(index);
      if (IndexLayout.VERSION.equals(found)) {
        continue;
      }
      if (found != null || indexExists(index)) {
        log.warn("index {} has layout {} and this build writes layout {}: rebuilding it", index, found,
            IndexLayout.VERSION);
        send("DELETE", "/" + index, null);
      }
      try {
        send("PUT", "/" + index, layout.createBody(index, shards));
      } catch (ClusterException e) {
        if (!e.getMessage().contains("resource_already_exists_exception")) { // another node created it first
          throw e;
        }
      }
      created = true;
    }
    if (created) {
      send("GET", "/_cluster/health/" + String.join(",", layout.all()) + "?wait_for_status=yellow&timeout=60s", null);
    }
    return created;
  }

  private boolean indexExists(String index) throws IOException {
    return client.indices().exists(e -> e.index(index)).value();
  }

  /** Deletes every index of the layout (tests; a deployment that is given up). */
  public void deleteLayout() throws IOException {
    for (String index : layout.all()) {
      if (indexExists(index)) {
        send("DELETE", "/" + index, null);
      }
    }
  }

  /** Makes everything written visible to searches. */
  public void refresh() throws IOException {
    send("POST", "/" + String.join(",", layout.all()) + "/_refresh", null);
  }

  /** Bytes on disk of our indexes, primaries and replicas; 0 when they do not exist. */
  public long indexBytes() throws IOException {
    try {
      JsonNode stats = send("GET", "/" + String.join(",", layout.all()) + "/_stats/store", null);
      return stats.path("_all").path("total").path("store").path("size_in_bytes").asLong();
    } catch (ClusterException e) {
      if (e.status() == 404) {
        return 0;
      }
      throw e;
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 500 ? s : s.substring(0, 500) + "…";
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      log.warn("closing the OpenSearch client failed: {}", e.toString());
    }
  }

  /** Node addresses as given, for messages. */
  public List<URI> hosts() {
    return config.hosts();
  }
}
