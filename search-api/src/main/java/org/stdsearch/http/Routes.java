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
import org.stdsearch.http.filter.CorsHandler;
import org.stdsearch.http.filter.CorsPolicy;
import org.stdsearch.search.Backend;

/**
 * The route table: reading {@link #Routes} tells the whole HTTP surface. Each route maps to one
 * handler class and says three more things: where it runs ({@link #io} on the IO thread for
 * liveness, which must answer however busy the workers are; {@link #index} through
 * {@link SearchAdmission} for everything that works on the index; {@link #worker} for the rest),
 * which other origins may read it ({@link CorsPolicy}), and whether it reads a request body (only
 * the upload; any other body is never read). Admin routes exist only when an admin token is
 * configured and the index is writable (else 404, not 401: the server does not advertise them).
 * Wrong method on a known path is 405 with {@code Allow}; anything else 404, both as problem
 * documents.
 */
public final class Routes {
  public static final String API = "/api/v1";
  static final String WEB = "/org/stdsearch/http/web/";
  /** The search page's modules, the embeddable widget and the InstantSearch.js client. */
  static final List<String> WEB_SCRIPTS = List.of("app.js", "api.js", "dom.js", "i18n.js",
      "suggest.js", "detail.js", "facets.js", "guidance.js", "widget.js", "instantsearch-client.js");

  private final RoutingHandler routing = new RoutingHandler(false);
  private final PathTemplateMatcher<Route> routes = new PathTemplateMatcher<>();
  private final SearchAdmission admission;

  public Routes(ServerConfig config, Backend backend, PrometheusMeterRegistry registry, SearchAdmission admission) {
    this.admission = admission;
    CorsPolicy portals = CorsPolicy.of(config.corsOrigins());
    CorsPolicy documents = CorsPolicy.of(config.corsContentOrigins());
    index(API + "/search", portals, new SearchHandler(backend));
    index(API + "/standards/{id}", portals, new StandardHandler(backend));
    index(API + "/standards/{id}/content", documents, new ContentHandler(backend));
    index(API + "/standards/{id}/text", documents, new TextHandler(backend));
    index(API + "/suggest", portals, new SuggestHandler(backend));
    index(API + "/suggest/opensearch", portals, new OpenSearchSuggestHandler(backend));
    index(API + "/terms", portals, new TermsHandler(backend));
    index(API + "/facets", portals, new FacetsHandler(backend));
    index(API + "/stats", portals, new StatsHandler(backend));

    io("/health", new HealthHandler());
    io("/ready", new ReadyHandler(backend));
    worker("/metrics", CorsPolicy.NONE, new MetricsHandler(registry));
    worker("/openapi.yaml", CorsPolicy.ANY,
        new ClasspathFileHandler("/org/stdsearch/http/openapi.yaml", "application/yaml; charset=UTF-8"));
    worker("/", CorsPolicy.NONE, new ClasspathFileHandler(WEB + "index.html", "text/html; charset=UTF-8"));
    worker("/opensearch.xml", CorsPolicy.ANY, new OpenSearchDescriptionHandler());
    // The page's and the widget's own code and style hold no data: any page may load them.
    worker("/app.css", CorsPolicy.ANY, new ClasspathFileHandler(WEB + "app.css", "text/css; charset=UTF-8"));
    for (String script : WEB_SCRIPTS) {
      worker("/" + script, CorsPolicy.ANY, new ClasspathFileHandler(WEB + script, "text/javascript; charset=UTF-8"));
    }

    if (config.adminEnabled() && !config.readOnly()) {
      String token = config.adminToken();
      add("POST", API + "/admin/reindex", portals, false, onWorker(new AdminAuth(token, new ReindexHandler(backend))));
      // The upload reads its body without a thread, then indexes on a worker (UploadHandler).
      add("POST", API + "/admin/documents", portals, true, new AdminAuth(token, new UploadHandler(backend,
          config.maxUploadBytes())));
      add("DELETE", API + "/admin/standards/{id}", portals, false, onWorker(new AdminAuth(token, new DeleteHandler(backend))));
    }
    routing.setFallbackHandler(Routes::notFound);
    routing.setInvalidMethodHandler(this::methodNotAllowed);
  }

  /** The routing handler (wrapped in the filters by {@link HttpServer}). */
  public HttpHandler routing() {
    return routing;
  }

  /** The CORS rule of the route a request goes to, or null when no route has its path. */
  CorsHandler.Rule cors(HttpServerExchange ex) {
    Route route = route(ex);
    return route == null ? null : new CorsHandler.Rule(route.cors, String.join(", ", route.methods));
  }

  /** Whether the route a request goes to reads its body. */
  boolean takesBody(HttpServerExchange ex) {
    Route route = route(ex);
    return route != null && route.bodyMethods.contains(ex.getRequestMethod().toString());
  }

  private Route route(HttpServerExchange ex) {
    var match = routes.match(ex.getRelativePath());
    return match == null ? null : match.getValue();
  }

  /** A GET route over the index: admitted by {@link SearchAdmission}, run on a worker. */
  private void index(String template, CorsPolicy cors, HttpHandler handler) {
    get(template, cors, admission.limit(handler));
  }

  /** A GET route run on a worker thread. */
  private void worker(String template, CorsPolicy cors, HttpHandler handler) {
    get(template, cors, onWorker(handler));
  }

  /** A GET route answered on the IO thread: cheap, never blocking, always answering. */
  private void io(String template, HttpHandler handler) {
    get(template, CorsPolicy.NONE, handler);
  }

  private static HttpHandler onWorker(HttpHandler handler) {
    HttpHandler mapped = ErrorMapper.wrap(handler);
    return ex -> ex.dispatch(mapped);
  }

  private void get(String template, CorsPolicy cors, HttpHandler handler) {
    add("GET", template, cors, false, handler);
    add("HEAD", template, cors, false, handler);
  }

  private void add(String method, String template, CorsPolicy cors, boolean readsBody, HttpHandler handler) {
    routing.add(method, template, handler);
    Route route = routes.get(template);
    if (route == null) {
      route = new Route(cors);
      routes.add(template, route);
    }
    route.methods.add(method);
    if (readsBody) {
      route.bodyMethods.add(method);
    }
  }

  private static void notFound(HttpServerExchange ex) {
    ErrorMapper.send(ex, Problem.of(404, "not-found", "Not found", "no such resource"), Map.of());
  }

  private void methodNotAllowed(HttpServerExchange ex) {
    Route route = route(ex);
    String allow = route == null ? "" : String.join(", ", route.methods);
    ErrorMapper.send(ex, Problem.of(405, "method-not-allowed", "Method not allowed",
        ex.getRequestMethod() + " is not supported here; allowed: " + allow), Map.of(Headers.ALLOW_STRING, allow));
  }

  /** What the table knows of one path template. */
  private static final class Route {
    final CorsPolicy cors;
    final Set<String> methods = new TreeSet<>();
    final Set<String> bodyMethods = new TreeSet<>();

    Route(CorsPolicy cors) {
      this.cors = cors;
    }
  }
}
