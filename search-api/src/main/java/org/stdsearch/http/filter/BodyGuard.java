package org.stdsearch.http.filter;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.function.Predicate;

/**
 * A request body that no route reads is never read, nor waited for: the connection is marked to
 * close after the answer, so Undertow shuts its read side instead of draining it (issue 19: a GET
 * declaring {@code Content-Length: 10} and sending nothing held a worker thread for as long as
 * the connection lived, and sixteen of them froze the server).
 */
public final class BodyGuard implements HttpHandler {
  private final Predicate<HttpServerExchange> takesBody;
  private final HttpHandler next;

  /** @param takesBody whether the route of a request reads its body (the upload) */
  public BodyGuard(Predicate<HttpServerExchange> takesBody, HttpHandler next) {
    this.takesBody = takesBody;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) throws Exception {
    if (declaresBody(ex) && !takesBody.test(ex)) {
      ex.setPersistent(false);
    }
    next.handleRequest(ex);
  }

  static boolean declaresBody(HttpServerExchange ex) {
    if (ex.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)) {
      return true;
    }
    String length = ex.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
    return length != null && !length.strip().equals("0");
  }
}
