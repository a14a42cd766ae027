package org.stdsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which web pages of other origins may read what (issue 19): by default none reads anything but
 * the widget's own code; search and suggest open to the portals of {@code cors.origins}; the
 * documents only to {@code cors.content.origins}; Private Network Access preflights granted to
 * allowed origins only.
 */
class CorsTest {
  static final String PORTAL = "https://portal.example";
  static final String EVIL = "https://evil.example";
  @TempDir Path dir;
  FakeBackend backend;
  HttpServer server;
  Client client;

  @BeforeEach
  void setUp() throws Exception {
    backend = new FakeBackend(dir);
  }

  private void start(ServerConfig config) {
    server = HttpServer.start(config, backend);
    client = new Client(server);
  }

  private ServerConfig defaults() {
    return ServerConfig.local(dir, dir.resolve("index"), 0);
  }

  @AfterEach
  void stop() {
    server.stop(java.time.Duration.ofSeconds(1));
  }

  private HttpResponse<String> get(String path, String origin) throws Exception {
    return client.send(client.request(path).header("Origin", origin).build());
  }

  private HttpResponse<String> preflight(String path, String origin, boolean privateNetwork) throws Exception {
    HttpRequest.Builder b = client.request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin).header("Access-Control-Request-Method", "GET");
    if (privateNetwork) {
      b.header("Access-Control-Request-Private-Network", "true");
    }
    return client.send(b.build());
  }

  private static String allowOrigin(HttpResponse<?> r) {
    return r.headers().firstValue("access-control-allow-origin").orElse(null);
  }

  @Test
  void byDefaultNoOtherOriginReadsDocumentsOrSearches() throws Exception {
    start(defaults());
    for (String path : List.of("/api/v1/standards/s1/content", "/api/v1/standards/s1/text", "/api/v1/search?q=x",
        "/api/v1/suggest?q=gb", "/api/v1/standards/s1")) {
      HttpResponse<String> r = get(path, EVIL);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(allowOrigin(r)).as(path).isNull();
      assertThat(r.headers().firstValue("cross-origin-resource-policy")).as(path).hasValue("same-origin");
    }
    HttpResponse<String> p = preflight("/api/v1/standards/s1/content", EVIL, false);
    assertThat(p.statusCode()).isEqualTo(403);
    assertThat(allowOrigin(p)).isNull();
  }

  @Test
  void theWidgetCodeIsOpenToAnyPage() throws Exception {
    start(defaults());
    assertThat(allowOrigin(get("/widget.js", EVIL))).isEqualTo("*");
    assertThat(allowOrigin(get("/instantsearch-client.js", EVIL))).isEqualTo("*");
  }

  @Test
  void configuredPortalsMaySearchButNotReadDocuments() throws Exception {
    start(defaults().withCorsOrigins(List.of(PORTAL)));
    HttpResponse<String> search = get("/api/v1/search?q=x", PORTAL);
    assertThat(allowOrigin(search)).isEqualTo(PORTAL);
    assertThat(search.headers().allValues("vary").toString()).contains("Origin");
    assertThat(allowOrigin(get("/api/v1/suggest?q=gb", PORTAL))).isEqualTo(PORTAL);
    assertThat(allowOrigin(get("/api/v1/search?q=x", EVIL))).isNull();

    assertThat(allowOrigin(get("/api/v1/standards/s1/content", PORTAL))).isNull();
    assertThat(allowOrigin(get("/api/v1/standards/s1/text", PORTAL))).isNull();
    assertThat(preflight("/api/v1/standards/s1/text", PORTAL, false).statusCode()).isEqualTo(403);

    HttpResponse<String> ok = preflight("/api/v1/search", PORTAL, false);
    assertThat(ok.statusCode()).isEqualTo(204);
    assertThat(allowOrigin(ok)).isEqualTo(PORTAL);
    assertThat(ok.headers().firstValue("access-control-allow-methods")).hasValue("GET, HEAD");
    assertThat(ok.headers().firstValue("access-control-max-age")).hasValue("600");
  }

  @Test
  void documentsOpenOnlyToTheirOwnConfiguredOrigins() throws Exception {
    start(defaults().withCorsOrigins(List.of("*")).withCorsContentOrigins(List.of(PORTAL)));
    assertThat(allowOrigin(get("/api/v1/search?q=x", EVIL))).isEqualTo("*");
    assertThat(allowOrigin(get("/api/v1/standards/s1/content", PORTAL))).isEqualTo(PORTAL);
    assertThat(allowOrigin(get("/api/v1/standards/s1/content", EVIL))).isNull();
  }

  @Test
  void privateNetworkPreflightsAreGrantedToAllowedOriginsOnly() throws Exception {
    start(defaults().withCorsOrigins(List.of(PORTAL)));
    HttpResponse<String> granted = preflight("/api/v1/search", PORTAL, true);
    assertThat(granted.statusCode()).isEqualTo(204);
    assertThat(allowOrigin(granted)).isEqualTo(PORTAL);
    assertThat(granted.headers().firstValue("access-control-allow-private-network")).hasValue("true");

    HttpResponse<String> refused = preflight("/api/v1/search", EVIL, true);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("access-control-allow-private-network")).isEmpty();
    assertThat(allowOrigin(refused)).isNull();

    HttpResponse<String> documents = preflight("/api/v1/standards/s1/content", PORTAL, true);
    assertThat(documents.statusCode()).isEqualTo(403);
    assertThat(documents.headers().firstValue("access-control-allow-private-network")).isEmpty();
  }
}
