package org.stdsearch.http;

import java.time.Duration;

/**
 * Sizes and timeouts of the HTTP connection layer: how long a client may take to send a request,
 * keep a connection idle or stall in the middle of a body, and how large a request line and its
 * headers may be. Fixed in {@code serve}; tests shorten the timeouts.
 *
 * @param requestParse the request line and headers must arrive within this, once begun
 * @param noRequest an open connection with no request on it is closed after this
 * @param read a connection on which nothing arrives for this long while the server waits for
 *     data (a stalled body) is closed
 * @param write a connection that takes nothing of a response for this long is closed
 * @param idle a connection with no traffic either way for this long is closed
 * @param maxQueryChars longest request target (path and query) answered; beyond it 414
 * @param maxHeaderBytes largest request line plus headers answered; beyond it 431
 * @param maxParameters most query parameters answered; beyond it 400
 * @param maxHeaders most header fields answered; beyond it 431
 */
public record HttpLimits(
    Duration requestParse,
    Duration noRequest,
    Duration read,
    Duration write,
    Duration idle,
    int maxQueryChars,
    int maxHeaderBytes,
    int maxParameters,
    int maxHeaders) {

  /**
   * What Undertow may parse before our own limits answer: requests between the two get a problem
   * document; Undertow refuses anything beyond this with a bare 400 and closes the connection.
   */
  static final int PARSER_CEILING_FACTOR = 4;

  public static HttpLimits defaults() {
    return new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30),
        Duration.ofSeconds(60), Duration.ofSeconds(120), 8 * 1024, 16 * 1024, 200, 100);
  }

  /** The same sizes with every timeout set to {@code timeout} (tests of stalled clients). */
  public HttpLimits withTimeouts(Duration timeout) {
    return new HttpLimits(timeout, timeout, timeout, timeout, timeout.multipliedBy(2), maxQueryChars,
        maxHeaderBytes, maxParameters, maxHeaders);
  }

  int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }
}
