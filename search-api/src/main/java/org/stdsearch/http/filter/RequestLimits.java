package org.stdsearch.http.filter;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.util.Deque;
import org.stdsearch.http.ProblemException;

/**
 * Refuses requests larger than the API ever needs with a problem document, like every other
 * error: a request target over {@code maxQueryChars} (414), more than {@code maxParameters} query
 * parameters (400), headers over {@code maxHeaderBytes} or more than {@code maxHeaders} of them
 * (431). Undertow's own parser limits are set higher; it answered such requests with a bare 400
 * (issue 19).
 */
public final class RequestLimits implements HttpHandler {
  private final int maxQueryChars;
  private final int maxHeaderBytes;
  private final int maxParameters;
  private final int maxHeaders;
  private final HttpHandler next;

  public RequestLimits(int maxQueryChars, int maxHeaderBytes, int maxParameters, int maxHeaders, HttpHandler next) {
    this.maxQueryChars = maxQueryChars;
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxParameters = maxParameters;
    this.maxHeaders = maxHeaders;
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) throws Exception {
    int target = ex.getRequestURI().length() + ex.getQueryString().length() + 1;
    if (target > maxQueryChars) {
      throw new ProblemException(414, "uri-too-long", "Request target too long",
          "the path and query may be at most " + maxQueryChars + " characters; this one has " + target);
    }
    int parameters = 0;
    for (Deque<String> values : ex.getQueryParameters().values()) {
      parameters += values.size();
    }
    if (parameters > maxParameters) {
      throw new ProblemException(400, "too-many-parameters", "Too many parameters",
          "at most " + maxParameters + " query parameters are accepted; this request has " + parameters);
    }
    int headers = 0;
    long bytes = 0;
    for (HeaderValues values : ex.getRequestHeaders()) {
      for (String v : values) {
        headers++;
        bytes += values.getHeaderName().length() + v.length() + 4;
      }
    }
    if (headers > maxHeaders || bytes > maxHeaderBytes) {
      throw new ProblemException(431, "headers-too-large", "Request headers too large",
          "at most " + maxHeaders + " header fields and " + maxHeaderBytes + " bytes of headers are accepted");
    }
    next.handleRequest(ex);
  }
}
