package org.stdsearch.http;

import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.server.handlers.ExceptionHandler;
import io.undertow.server.handlers.form.MultiPartParserDefinition;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.search.BadParameterException;
import org.stdsearch.search.IndexNotReadyException;
import org.stdsearch.search.SearchCancelledException;
import org.stdsearch.search.StandardNotFoundException;

/**
 * The one place that picks an HTTP status for an exception, answering RFC 9457
 * {@code application/problem+json}. Code below http throws typed exceptions carrying data; handlers
 * here throw {@link ProblemException}. Mappings are registered subclasses first (Undertow's
 * {@link ExceptionHandler} takes the first {@code isInstance} match), {@link Throwable} last.
 */
public final class ErrorMapper {
  private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);
  public static final String PROBLEM_JSON = "application/problem+json";

  private ErrorMapper() {}

  /** Wraps {@code next} so that every exception it throws becomes a problem document. */
  public static HttpHandler wrap(HttpHandler next) {
    return Handlers.exceptionHandler(next)
        .addExceptionHandler(BadParameterException.class, ex -> {
          BadParameterException e = (BadParameterException) thrown(ex);
          send(ex, new Problem(Problem.TYPE_BASE + "bad-parameter", "Bad parameter", 400,
              e.getMessage(), e.parameter(), Map.of()), Map.of());
        })
        .addExceptionHandler(StandardNotFoundException.class, ex -> {
          StandardNotFoundException e = (StandardNotFoundException) thrown(ex);
          send(ex, Problem.of(404, "not-found", "Not found", "no standard with id " + e.id()), Map.of());
        })
        .addExceptionHandler(IndexNotReadyException.class, ex ->
            send(ex, Problem.of(503, "index-not-ready", "Index not ready", thrown(ex).getMessage() + "; retry shortly"),
                Map.of(Headers.RETRY_AFTER_STRING, "5")))
        .addExceptionHandler(ProblemException.class, ex -> {
          ProblemException e = (ProblemException) thrown(ex);
          send(ex, new Problem(Problem.TYPE_BASE + e.type(), e.title(), e.status(), e.getMessage(), null,
              e.extensions()), e.headers());
        })
        .addExceptionHandler(SearchCancelledException.class, ErrorMapper::abandon)
        .addExceptionHandler(RequestTooBigException.class, ex -> tooLarge(ex))
        .addExceptionHandler(MultiPartParserDefinition.FileTooLargeException.class, ex -> tooLarge(ex))
        .addExceptionHandler(Throwable.class, ex -> {
          // The only place a stack trace goes: the server log. The body says nothing internal.
          log.error("{} {} failed", ex.getRequestMethod(), ex.getRequestPath(), thrown(ex));
          send(ex, Problem.of(500, "internal-error", "Internal server error",
              "the request could not be completed; the error has been logged"), Map.of());
        });
  }

  /** Status recorded for requests whose client went away (nginx's "client closed request"). */
  static final int CLIENT_GONE = 499;

  /** Ends the request of a client that went away: nobody reads an answer, the connection closes. */
  static void abandon(HttpServerExchange ex) {
    ex.setStatusCode(CLIENT_GONE);
    ex.setPersistent(false);
    ex.endExchange();
  }

  private static void tooLarge(HttpServerExchange ex) {
    send(ex, Problem.of(413, "payload-too-large", "Payload too large",
        "the request body exceeds the allowed size"), Map.of(Headers.CONNECTION_STRING, "close"));
  }

  private static Throwable thrown(HttpServerExchange ex) {
    return ex.getAttachment(ExceptionHandler.THROWABLE);
  }

  /** Writes a problem document (also used for 404/405 from routing). */
  public static void send(HttpServerExchange ex, Problem problem, Map<String, String> headers) {
    if (ex.isResponseStarted()) {
      log.warn("{} {}: {} after the response started", ex.getRequestMethod(), ex.getRequestPath(), problem.status());
      ex.endExchange();
      return;
    }
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(problem);
    } catch (Exception e) {
      throw new IllegalStateException("a problem record always serialises", e);
    }
    ex.setStatusCode(problem.status());
    ex.getResponseHeaders().remove(Headers.ETAG);
    ex.getResponseHeaders().remove(Headers.CONTENT_DISPOSITION);
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, PROBLEM_JSON);
    ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    headers.forEach((k, v) -> ex.getResponseHeaders().put(HttpString.tryFromString(k), v));
    ex.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
    ex.getResponseSender().send(ByteBuffer.wrap(body));
  }
}
