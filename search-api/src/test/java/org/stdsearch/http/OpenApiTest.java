package org.stdsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holds the live server to the checked-in {@code /openapi.yaml}: every path is routed, search's shape matches. */
class OpenApiTest {
  @TempDir Path dir;
  HttpServer server;
  Client client;
  JsonNode spec;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.start(ServerConfig.local(dir, dir.resolve("index"), 0).withAdminToken("t"), new FakeBackend(dir));
    client = new Client(server);
    HttpResponse<String> r = client.get("/openapi.yaml");
    assertThat(r.statusCode()).isEqualTo(200);
    spec = new ObjectMapper(new YAMLFactory()).readTree(r.body());
  }

  @AfterEach
  void stop() {
    server.stop(java.time.Duration.ofSeconds(1));
  }

  @Test
  void documentIsOpenApi31() {
    assertThat(spec.get("openapi").asText()).isEqualTo("3.1.0");
  }

  @Test
  void everyDocumentedPathAndMethodIsRouted() throws Exception {
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
      var path = paths.next();
      String concrete = path.getKey().replace("{id}", "s1");
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next().toUpperCase(Locale.ROOT);
        HttpRequest.Builder b = client.request(concrete).header("Authorization", "Bearer t");
        HttpResponse<String> r = client.send(b.method(method, HttpRequest.BodyPublishers.ofString("x")).build());
        // Parameter errors are fine here; "no such route" and "wrong method" are not.
        assertThat(r.statusCode()).as(method + " " + concrete + ": " + r.body()).isNotIn(404, 405);
      }
    }
  }

  @Test
  void searchResponseHasEveryRequiredProperty() throws Exception {
    JsonNode body = Client.json(client.get("/api/v1/search?q=x"));
    JsonNode schemas = spec.at("/components/schemas");
    for (JsonNode required : schemas.at("/SearchResponse/required")) {
      assertThat(body.has(required.asText())).as("search response has " + required.asText()).isTrue();
    }
    JsonNode hit = body.get("hits").get(0);
    for (JsonNode required : schemas.at("/Hit/required")) {
      assertThat(hit.has(required.asText())).as("hit has " + required.asText()).isTrue();
    }
    for (Iterator<String> names = hit.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      assertThat(schemas.at("/Hit/properties").has(name)).as("hit property " + name + " is documented").isTrue();
    }
  }

  @Test
  void problemDocumentsMatchTheSchema() throws Exception {
    JsonNode problem = Client.json(client.get("/api/v1/search?size=abc"));
    for (JsonNode required : spec.at("/components/schemas/Problem/required")) {
      assertThat(problem.has(required.asText())).isTrue();
    }
  }
  static final Path NPM_TOOLS = Path.of("src/test/instantsearch/node_modules");
  static final Path REDOCLY = NPM_TOOLS.resolve("@redocly/cli/bin/cli.js");

  /**
   * The served description passes a real OpenAPI 3.1 linter, Redocly CLI with its recommended
   * rules (pinned in src/test/instantsearch, installed by .ci/run with npm ci): a stray property
   * from an unquoted comma, or operations without a security declaration, fail here (issue 18).
   */
  @Test
  void servedDescriptionPassesRedoclysRecommendedRules() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(REDOCLY),
        "Redocly CLI is not installed: npm ci --prefix search-api/src/test/instantsearch");
    Path served = dir.resolve("openapi.yaml");
    java.nio.file.Files.writeString(served, client.get("/openapi.yaml").body());
    // The project has not chosen a licence yet, so the description cannot name one.
    Path config = java.nio.file.Files.writeString(dir.resolve("redocly.yaml"),
        "extends:\n  - recommended\nrules:\n  info-license: off\n");
    ProcessBuilder pb = new ProcessBuilder("node", REDOCLY.toAbsolutePath().toString(), "lint", served.toString(),
        "--config", config.toString(), "--format=json").redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("REDOCLY_TELEMETRY", "off");
    pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    JsonNode report = new ObjectMapper().readTree(out.substring(out.indexOf('{')));
    assertThat(report.get("problems")).as(out).isEmpty();
    assertThat(report.at("/totals/errors").asInt()).isZero();
    assertThat(report.at("/totals/warnings").asInt()).isZero();
    assertThat(p.exitValue()).isZero();
  }
}
