package org.stdsearch.http;

import java.util.Map;

/**
 * An HTTP-level refusal raised inside the http package (auth, limits, upload outcome); carries what
 * {@link ErrorMapper} needs to write the problem document. Code below http never throws it.
 *
 * @param status HTTP status
 * @param type the last segment of the stable problem type URI
 * @param headers extra response headers (Retry-After, Allow, WWW-Authenticate)
 * @param extensions extra members of the problem document
 */
public final class ProblemException extends RuntimeException {
  private final int status;
  private final String type;
  private final String title;
  private final Map<String, String> headers;
  private final Map<String, Object> extensions;

  public ProblemException(int status, String type, String title, String detail, Map<String, String> headers,
      Map<String, Object> extensions) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.headers = Map.copyOf(headers);
    this.extensions = Map.copyOf(extensions);
  }

  public ProblemException(int status, String type, String title, String detail) {
    this(status, type, title, detail, Map.of(), Map.of());
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }
}
