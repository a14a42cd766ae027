package org.stdsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stdsearch.search.SearchRequest;

/** HTTP behaviour through the production routing and filters, over a backend with canned answers. */
class ApiTest {
  static final String TOKEN = "s3cret-token";
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

  @Test
  void everySearchParameterReachesTheRequest() throws Exception {
    var r = client.get("/api/v1/search?q=%E5%AF%86%E9%92%A5+key&field=it&field=it.sec&year=2020&year=2024"
        + "&year_from=2000&year_to=2025&status=current&family=GB/T&type=recommended&doc_lang=zh&lang=en"
        + "&sort=newest&page=2&size=5&cursor=abc&facets=year,status");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json; charset=UTF-8");
    SearchRequest q = backend.lastRequest.get();
    assertThat(q.q()).isEqualTo("密钥 key");
    assertThat(q.fields()).containsExactly("it", "it.sec");
    assertThat(q.years()).containsExactly(2020, 2024);
    assertThat(q.yearFrom()).isEqualTo(2000);
    assertThat(q.yearTo()).isEqualTo(2025);
    assertThat(q.statuses()).containsExactly("current");
    assertThat(q.families()).containsExactly("GB/T");
    assertThat(q.types()).containsExactly("recommended");
    assertThat(q.langs()).containsExactly("zh");
    assertThat(q.labelLang()).isEqualTo("en");
    assertThat(q.sort()).isEqualTo(SearchRequest.Sort.NEWEST);
    assertThat(q.page()).isEqualTo(2);
    assertThat(q.size()).isEqualTo(5);
    assertThat(q.cursor()).isEqualTo("abc");
    assertThat(q.facets()).containsExactly("year", "status");
  }

  @Test
  void searchResponseIsSnakeCaseWithIsoDatesAndNoNulls() throws Exception {
    JsonNode body = Client.json(client.get("/api/v1/search?q=x"));
    assertThat(body.has("total_relation")).isTrue();
    assertThat(body.has("took_ms")).isTrue();
    assertThat(body.has("next_cursor")).isFalse();
    JsonNode hit = body.get("hits").get(0);
    assertThat(hit.get("published").asText()).isEqualTo("2024-03-01");
    assertThat(hit.has("implemented")).isFalse();
    assertThat(hit.get("extraction_status").asText()).isEqualTo("ok");
  }

  @ParameterizedTest
  @CsvSource({
    "size=abc, size", "size=1000, size", "year=19x, year", "year_from=x, year_from", "sort=random, sort",
    "page=0, page", "page=500&size=100, page", "status=alive, status", "type=law, type", "lang=fr, lang",
    "facets=colour, facets", "year_from=2020&year_to=2000, year_from", "snippets=6, snippets", "snippets=-1, snippets"
  })
  void badSearchParametersAre400NamingTheParameter(String query, String parameter) throws Exception {
    HttpResponse<String> r = client.get("/api/v1/search?" + query);
    assertProblem(r, 400, "bad-parameter");
    assertThat(Client.json(r).get("parameter").asText()).isEqualTo(parameter);
  }

  @Test
  void queryLongerThanTheLimitIs400() throws Exception {
    HttpResponse<String> r = client.get("/api/v1/search?q=" + "a".repeat(1001));
    assertProblem(r, 400, "bad-parameter");
    assertThat(Client.json(r).get("parameter").asText()).isEqualTo("q");
  }

  @Test
  void otherRoutesValidateTheirParameters() throws Exception {
    assertThat(Client.json(client.get("/api/v1/suggest")).get("parameter").asText()).isEqualTo("q");
    assertThat(Client.json(client.get("/api/v1/suggest?q=gb&size=99")).get("parameter").asText()).isEqualTo("size");
    assertThat(Client.json(client.get("/api/v1/terms?size=x")).get("parameter").asText()).isEqualTo("size");
    assertThat(Client.json(client.get("/api/v1/standards/s1/text?page=0")).get("parameter").asText()).isEqualTo("page");
    assertThat(Client.json(client.get("/api/v1/standards/s1?lang=de")).get("parameter").asText()).isEqualTo("lang");
  }

  @Test
  void readRoutesAnswer() throws Exception {
    assertThat(Client.json(client.get("/api/v1/standards/s1")).at("/metadata/identifier").asText()).isEqualTo("GB/T 1000-2024");
    assertThat(Client.json(client.get("/api/v1/standards/s1/text?page=2")).get("text").asText()).isEqualTo("text of page 2");
    assertThat(Client.json(client.get("/api/v1/suggest?q=gb")).at("/suggestions/0/type").asText()).isEqualTo("identifier");
    assertThat(Client.json(client.get("/api/v1/terms?q=key")).at("/terms/0/term_zh").asText()).isEqualTo("密钥");
    assertThat(Client.json(client.get("/api/v1/facets")).at("/fields/0/value").asText()).isEqualTo("it");
    assertThat(Client.json(client.get("/api/v1/stats")).get("index_bytes").asLong()).isEqualTo(1234);
    assertThat(client.get("/health").statusCode()).isEqualTo(200);
    assertThat(client.get("/ready").statusCode()).isEqualTo(200);
    HttpResponse<String> page = client.get("/");
    assertThat(page.body()).contains("rel=\"search\"").contains("/app.js");
    assertThat(page.headers().firstValue("content-security-policy").orElse("")).contains("default-src 'self'");
  }

  @Test
  void unknownStandardAndUnknownPathAre404() throws Exception {
    assertProblem(client.get("/api/v1/standards/nope"), 404, "not-found");
    assertProblem(client.get("/api/v1/standards/nope/content"), 404, "not-found");
    assertProblem(client.get("/api/v1/nothing-here"), 404, "not-found");
  }

  @Test
  void wrongMethodOnKnownPathIs405WithAllow() throws Exception {
    HttpResponse<String> r = client.send(client.request("/api/v1/search").POST(HttpRequest.BodyPublishers.noBody()).build());
    assertProblem(r, 405, "method-not-allowed");
    assertThat(r.headers().firstValue("allow")).hasValue("GET, HEAD");
  }

  @Test
  void beforeTheIndexOpensSearchAndReadyAre503() throws Exception {
    backend.ready = false;
    HttpResponse<String> r = client.get("/api/v1/search?q=x");
    assertProblem(r, 503, "index-not-ready");
    assertThat(r.headers().firstValue("retry-after")).isPresent();
    assertProblem(client.get("/ready"), 503, "index-not-ready");
    assertThat(client.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void internalErrorIs500WithoutStackTraceOrPath() throws Exception {
    HttpResponse<String> r = client.get("/api/v1/search?q=boom");
    assertProblem(r, 500, "internal-error");
    assertThat(r.body()).doesNotContain("secret", "Exception", "at org.", "/srv");
  }

  @Test
  void corsPreflightIsAnswered() throws Exception {
    HttpResponse<String> r = client.send(client.request("/api/v1/search")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://widget.example")
        .header("Access-Control-Request-Method", "GET").build());
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue("*");
    assertThat(r.headers().firstValue("access-control-allow-methods").orElse("")).contains("GET");
    assertThat(r.headers().firstValue("access-control-allow-headers").orElse("")).contains("Authorization");
    assertThat(r.headers().firstValue("access-control-max-age")).hasValue("600");
    HttpResponse<String> get = client.send(client.request("/api/v1/search?q=x").header("Origin", "https://widget.example").build());
    assertThat(get.headers().firstValue("access-control-allow-origin")).hasValue("*");
  }

  @Test
  void corsWithAListAllowsOnlyListedOrigins() throws Exception {
    restart(ServerConfig.local(dir, dir.resolve("index"), 0).withCorsOrigins(List.of("https://ok.example")));
    var ok = client.send(client.request("/api/v1/stats").header("Origin", "https://ok.example").build());
    var no = client.send(client.request("/api/v1/stats").header("Origin", "https://evil.example").build());
    assertThat(ok.headers().firstValue("access-control-allow-origin")).hasValue("https://ok.example");
    assertThat(ok.headers().allValues("vary").toString()).contains("Origin");
    assertThat(no.headers().firstValue("access-control-allow-origin")).isEmpty();
    assertThat(no.headers().allValues("vary").toString()).contains("Origin");
  }

  @Test
  void anyOriginIsAnnouncedEvenWithoutAnOriginHeader() throws Exception {
    // A browser caches /widget.js from a plain <script>, then reuses it for a CORS module load.
    var plain = client.send(client.request("/widget.js").build());
    assertThat(plain.headers().firstValue("access-control-allow-origin")).hasValue("*");
  }

  @Test
  void largeResponsesAreGzippedSmallOnesNot() throws Exception {
    backend.hits = 20;
    HttpResponse<byte[]> r = client.bytes(client.request("/api/v1/search?q=x&size=20").header("Accept-Encoding", "gzip").build());
    assertThat(r.headers().firstValue("content-encoding")).hasValue("gzip");
    String body = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
    assertThat(Json.mapper().readTree(body).get("hits")).hasSize(20);
    HttpResponse<byte[]> small = client.bytes(client.request("/health").header("Accept-Encoding", "gzip").build());
    assertThat(small.headers().firstValue("content-encoding")).isEmpty();
  }

  @Test
  void unchangedResultsAnswer304ToIfNoneMatch() throws Exception {
    HttpResponse<String> first = client.get("/api/v1/search?q=x");
    String etag = first.headers().firstValue("etag").orElseThrow();
    assertThat(etag).startsWith("W/\"");
    assertThat(first.headers().firstValue("cache-control").orElse("")).contains("max-age");
    HttpResponse<String> again = client.send(client.request("/api/v1/search?q=x").header("If-None-Match", etag).build());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    HttpResponse<String> other = client.send(client.request("/api/v1/search?q=y").header("If-None-Match", etag).build());
    assertThat(other.statusCode()).isEqualTo(200);
  }

  /** Issue 17: backends return hits without links; the HTTP layer, which knows the routes, adds them. */
  @Test
  void hitLinksAreMadeByTheHttpLayer() throws Exception {
    var hit = Client.json(client.get("/api/v1/search?q=key")).get("hits").get(0);
    assertThat(hit.get("links").get("self").asText()).isEqualTo("/api/v1/standards/s0");
    assertThat(hit.get("links").get("content").asText()).isEqualTo("/api/v1/standards/s0/content");
    assertThat(hit.get("links").get("content_at_page").asText()).isEqualTo("/api/v1/standards/s0/content#page=3");
  }

  @Test
  void contentIsServedWithTypeDispositionEtagAndRanges() throws Exception {
    HttpResponse<byte[]> full = client.bytes(client.request("/api/v1/standards/s1/content").build());
    assertThat(full.statusCode()).isEqualTo(200);
    assertThat(full.body()).isEqualTo(backend.content);
    assertThat(full.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
    assertThat(full.headers().firstValue("content-disposition")).hasValue("inline; filename=\"a.txt\"; filename*=UTF-8''a.txt");
    assertThat(full.headers().firstValue("etag")).hasValue("\"abc123hash\"");
    assertThat(full.headers().firstValue("accept-ranges")).hasValue("bytes");

    HttpResponse<byte[]> part = client.bytes(client.request("/api/v1/standards/s1/content").header("Range", "bytes=100-199").build());
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(backend.content, 100, 200));
    assertThat(part.headers().firstValue("content-range")).hasValue("bytes 100-199/4096");

    HttpResponse<byte[]> beyond = client.bytes(client.request("/api/v1/standards/s1/content").header("Range", "bytes=5000-6000").build());
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(backend.detailCalls.get()).as("the file comes from the narrow lookup, not the detail view").isZero();
  }

  @Test
  void contentNeverLeavesTheDocsFolder() throws Exception {
    HttpResponse<String> r = client.get("/api/v1/standards/escape/content");
    assertProblem(r, 404, "content-not-found");
    assertThat(r.body()).doesNotContain("not a standard");
  }

  @Test
  void responsesCarrySecurityHeaders() throws Exception {
    HttpResponse<String> r = client.get("/api/v1/stats");
    assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("referrer-policy")).isPresent();
    assertThat(r.headers().firstValue("content-security-policy").orElse("")).contains("frame-ancestors 'none'");
  }

  @Test
  void metricsCountRequestsPerRoute() throws Exception {
    client.get("/api/v1/search?q=x");
    client.get("/api/v1/standards/nope");
    String metrics = client.get("/metrics").body();
    assertThat(metrics).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/search\",status=\"200\"}");
    assertThat(metrics).contains("http_server_requests_seconds_bucket");
    assertThat(metrics).contains("http_server_errors_total{route=\"/api/v1/standards/{id}\",status=\"404\"}");
    assertThat(metrics).contains("stdsearch_index_size_bytes 42");
  }

  @Test
  void adminRoutesDoNotExistWithoutAToken() throws Exception {
    assertProblem(client.send(client.request("/api/v1/admin/reindex").POST(HttpRequest.BodyPublishers.noBody()).build()), 404, "not-found");
  }

  @Test
  void adminRoutesNeedTheBearerToken() throws Exception {
    restart(ServerConfig.local(dir, dir.resolve("index"), 0).withAdminToken(TOKEN));
    HttpRequest.Builder reindex = client.request("/api/v1/admin/reindex").POST(HttpRequest.BodyPublishers.noBody());
    HttpResponse<String> none = client.send(reindex.build());
    assertProblem(none, 401, "unauthorized");
    assertThat(none.headers().firstValue("www-authenticate").orElse("")).startsWith("Bearer");
    assertProblem(client.send(reindex.copy().header("Authorization", "Bearer wrong").build()), 401, "unauthorized");
    HttpResponse<String> ok = client.send(reindex.copy().header("Authorization", "Bearer " + TOKEN).build());
    assertThat(ok.statusCode()).isEqualTo(202);
    assertThat(Client.json(ok).get("status").asText()).isEqualTo("started");
    HttpResponse<String> del = client.send(client.request("/api/v1/admin/standards/s1").DELETE()
        .header("Authorization", "Bearer " + TOKEN).build());
    assertThat(del.statusCode()).isEqualTo(204);
    assertProblem(client.send(client.request("/api/v1/admin/standards/nope").DELETE()
        .header("Authorization", "Bearer " + TOKEN).build()), 404, "not-found");
  }

  @Test
  void uploadGivesTheOutcomeAndASafeName() throws Exception {
    restart(ServerConfig.local(dir, dir.resolve("index"), 0).withAdminToken(TOKEN));
    HttpResponse<String> r = client.send(client.request("/api/v1/admin/documents?filename=..%2F..%2Fetc%2Fpasswd.txt")
        .header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString("hello")).build());
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(Client.json(r).get("status").asText()).isEqualTo("ok");
    assertThat(backend.added).containsExactly("passwd.txt");
  }

  @Test
  void uploadOfACorruptFileIs422WithTheReason() throws Exception {
    restart(ServerConfig.local(dir, dir.resolve("index"), 0).withAdminToken(TOKEN));
    HttpResponse<String> r = client.send(client.request("/api/v1/admin/documents?filename=bad.pdf")
        .header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString("%PDF-1.7 broken")).build());
    assertProblem(r, 422, "extraction-failed");
    assertThat(Client.json(r).at("/outcome/status").asText()).isEqualTo("failed");
    assertThat(Client.json(r).get("detail").asText()).contains("corrupt PDF");
  }

  @Test
  void uploadBeyondTheLimitIs413() throws Exception {
    restart(ServerConfig.local(dir, dir.resolve("index"), 0).withAdminToken(TOKEN).withMaxUploadBytes(1000));
    HttpResponse<String> r = client.send(client.request("/api/v1/admin/documents?filename=big.txt")
        .header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[5000])).build());
    assertProblem(r, 413, "payload-too-large");
    assertThat(backend.added).isEmpty();
  }

  @Test
  void tooManyRequestsFromOneClientAre429WithRetryAfter() throws Exception {
    restart(ServerConfig.local(dir, dir.resolve("index"), 0).withRateLimit(1, 3, true));
    int limited = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 6; i++) {
      last = client.get("/api/v1/stats");
      if (last.statusCode() == 429) {
        limited++;
        assertProblem(last, 429, "rate-limited");
        assertThat(last.headers().firstValue("retry-after")).isPresent();
      }
    }
    assertThat(limited).isGreaterThanOrEqualTo(2);
  }

  @Test
  void loopbackClientsAreNotLimitedByDefault() throws Exception {
    restart(ServerConfig.local(dir, dir.resolve("index"), 0).withRateLimit(1, 1, false));
    for (int i = 0; i < 5; i++) {
      assertThat(client.get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void oversizedHeadersAreRefused() throws Exception {
    HttpResponse<String> r = client.get("/api/v1/search?q=x&cursor=" + "c".repeat(HttpServer.MAX_HEADER_BYTES + 100));
    assertThat(r.statusCode()).isIn(400, 413, 414, 431);
  }

  static void assertProblem(HttpResponse<String> r, int status, String type) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type")).hasValue(ErrorMapper.PROBLEM_JSON);
    JsonNode p = Client.json(r);
    assertThat(p.get("type").asText()).isEqualTo(Problem.TYPE_BASE + type);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.has("detail")).isTrue();
    // No stack frame and no server path, whatever the error (extraction reasons may name an exception class).
    assertThat(r.body()).doesNotContain("\tat ", "/tmp/", "/work/");
  }
}
