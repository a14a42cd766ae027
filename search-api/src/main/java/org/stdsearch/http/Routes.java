package org.stdsearch.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatcher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.stdsearch.http.admin.AdminAuth;
import org.stdsearch.http.admin.DeleteHandler;
import org.stdsearch.http.admin.ReindexHandler;
import org.stdsearch.http.admin.UploadHandler;
import org.stdsearch.search.Backend;

/**
 * The route table: reading {@link #routing} tells the whole HTTP surface. Each route maps to one
 * handler class; admin routes exist only when an admin token is configured (else 404, not 401:
 * an unconfigured server does not advertise them). Wrong method on a known path is 405 with
 * {@code Allow}; anything else 404, both as problem documents.
 */
public final class Routes {
  public static final String API = "/api/v1";
  static final String WEB = "/org/stdsearch/http/web/";
  /** The search page's modules, the embeddable widget and the InstantSearch.js client. */
  static final List<String> WEB_SCRIPTS = List.of("app.js", "api.js", "dom.js", "i18n.js",
      "suggest.js", "detail.js", "widget.js", "instantsearch-client.js");

  private final RoutingHandler routing = new RoutingHandler(false);
  private final PathTemplateMatcher<Set<String>> methods = new PathTemplateMatcher<>();

  public Routes(ServerConfig config, Backend backend, PrometheusMeterRegistry registry) {
    get(API + "/search", new SearchHandler(backend));
    get(API + "/standards/{id}", new StandardHandler(backend));
    get(API + "/standards/{id}/content", new ContentHandler(backend));
    get(API + "/standards/{id}/text", new TextHandler(backend));
    get(API + "/suggest", new SuggestHandler(backend));
    get(API + "/suggest/opensearch", new OpenSearchSuggestHandler(backend));
    get(API + "/terms", new TermsHandler(backend));
    get(API + "/facets", new FacetsHandler(backend));
    get(API + "/stats", new StatsHandler(backend));

    get("/health", new HealthHandler());
    get("/ready", new ReadyHandler(backend));
    get("/metrics", new MetricsHandler(registry));
    get("/openapi.yaml", new ClasspathFileHandler("/org/stdsearch/http/openapi.yaml", "application/yaml; charset=UTF-8"));
    get("/", new ClasspathFileHandler(WEB + "index.html", "text/html; charset=UTF-8"));
    get("/opensearch.xml", new OpenSearchDescriptionHandler());
    get("/app.css", new ClasspathFileHandler(WEB + "app.css", "text/css; charset=UTF-8"));
    for (String script : WEB_SCRIPTS) {
      get("/" + script, new ClasspathFileHandler(WEB + script, "text/javascript; charset=UTF-8"));
    }

    if (config.adminEnabled()) {
      String token = config.adminToken();
      add("POST", API + "/admin/reindex", new AdminAuth(token, new ReindexHandler(backend)));
      add("POST", API + "/admin/documents", new AdminAuth(token, new UploadHandler(backend, config.maxUploadBytes())));
      add("DELETE", API + "/admin/standards/{id}", new AdminAuth(token, new DeleteHandler(backend)));
    }
    routing.setFallbackHandler(Routes::notFound);
    routing.setInvalidMethodHandler(this::methodNotAllowed);
  }

  /** The routing handler (wrapped in the filters by {@link HttpServer}). */
  public HttpHandler routing() {
    return routing;
  }

  private void get(String template, HttpHandler handler) {
    add("GET", template, handler);
    add("HEAD", template, handler);
  }

  private void add(String method, String template, HttpHandler handler) {
    routing.add(method, template, handler);
    Set<String> allowed = methods.get(template);
    if (allowed == null) {
      allowed = new TreeSet<>();
      methods.add(template, allowed);
    }
    allowed.add(method);
  }

  private static void notFound(HttpServerExchange ex) {
    ErrorMapper.send(ex, Problem.of(404, "not-found", "Not found", "no such resource"), Map.of());
  }

  private void methodNotAllowed(HttpServerExchange ex) {
    var match = methods.match(ex.getRelativePath());
    String allow = match == null ? "" : String.join(", ", match.getValue());
    ErrorMapper.send(ex, Problem.of(405, "method-not-allowed", "Method not allowed",
        ex.getRequestMethod() + " is not supported here; allowed: " + allow), Map.of(Headers.ALLOW_STRING, allow));
  }
}
