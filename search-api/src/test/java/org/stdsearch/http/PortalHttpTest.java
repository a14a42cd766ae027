package org.stdsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.search.SearchRequest;

/**
 * What a portal and a proxy in front of the server need from HTTP (issue 18): links that follow
 * the scheme and host a trusted proxy forwards, exclusions in filters.
 */
class PortalHttpTest {
  @TempDir Path dir;
  FakeBackend backend;
  HttpServer server;
  Client client;

  @BeforeEach
  void start() throws Exception {
    backend = new FakeBackend(dir);
    server = HttpServer.start(ServerConfig.local(dir, dir.resolve("index"), 0), backend);
    client = new Client(server);
  }

  @AfterEach
  void stop() {
    server.stop(java.time.Duration.ofSeconds(1));
  }

  private void restart(ServerConfig config) {
    server.stop(java.time.Duration.ofSeconds(1));
    server = HttpServer.start(config, backend);
    client = new Client(server);
  }

  private String openSearch(String... headers) throws Exception {
    var b = client.request("/opensearch.xml");
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.GET().build()).body();
  }

  @Test
  void forwardedSchemeAndHostAreBelievedFromTrustedProxiesOnly() throws Exception {
    String direct = "http://127.0.0.1:" + server.port();
    // Untrusted: whatever a client sends does not change the links.
    assertThat(openSearch("X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example"))
        .contains("template=\"" + direct + "/?q={searchTerms}\"").doesNotContain("evil.example");

    restart(ServerConfig.local(dir, dir.resolve("index"), 0).withTrustedProxies(List.of("127.0.0.0/8", "::1")));
    assertThat(openSearch("X-Forwarded-Proto", "https", "X-Forwarded-Host", "search.example.org"))
        .contains("template=\"https://search.example.org/?q={searchTerms}\"")
        .contains("https://search.example.org/api/v1/suggest/opensearch?q={searchTerms}");
    assertThat(openSearch("Forwarded", "for=203.0.113.7;proto=https;host=standards.example.cn"))
        .contains("template=\"https://standards.example.cn/?q={searchTerms}\"");
    assertThat(openSearch()).contains("template=\"http://127.0.0.1:" + server.port() + "/?q={searchTerms}\"");

    restart(ServerConfig.local(dir, dir.resolve("index"), 0).withTrustedProxies(List.of("10.0.0.0/8")));
    assertThat(openSearch("X-Forwarded-Proto", "https")).as("127.0.0.1 is not in 10.0.0.0/8")
        .contains("template=\"http://127.0.0.1:");
  }

  @Test
  void trustedProxiesMustBeAddresses() {
    for (String bad : List.of("proxy.example", "10.0.0.0/33", "10.0.0.0/x")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() ->
              ServerConfig.resolve(java.util.Map.of(), java.util.Map.of("STDSEARCH_TRUSTED_PROXIES", bad), null, dir))
          .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trusted.proxies");
    }
  }

  @Test
  void filterValuesPrefixedWithMinusExclude() throws Exception {
    HttpResponse<String> r = client.get("/api/v1/search?status=-superseded&status=current&family=-RFC&field=-cit"
        + "&type=-mandatory&doc_lang=-en");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    SearchRequest q = backend.lastRequest.get();
    assertThat(q.statuses()).containsExactly("-superseded", "current");
    assertThat(SearchRequest.excluded(q.statuses())).containsExactly("superseded");
    assertThat(SearchRequest.included(q.statuses())).containsExactly("current");
    assertThat(q.families()).containsExactly("-RFC");
    assertThat(q.fields()).containsExactly("-cit");
    assertThat(q.types()).containsExactly("-mandatory");
    assertThat(q.langs()).containsExactly("-en");
    HttpResponse<String> bad = client.get("/api/v1/search?status=-alive");
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode problem = Client.json(bad);
    assertThat(problem.get("parameter").asText()).isEqualTo("status");
  }
}
