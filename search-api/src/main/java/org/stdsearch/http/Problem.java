package org.stdsearch.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.util.Map;

/**
 * An RFC 9457 problem document: {@code type} is stable and documented, {@code detail} is for
 * humans; never a stack trace or a file-system path.
 */
public record Problem(String type, String title, int status, String detail, String parameter,
    @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

  public static final String TYPE_BASE = "https://stdsearch.org/problems/";

  public Problem {
    extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }

  public static Problem of(int status, String type, String title, String detail) {
    return new Problem(TYPE_BASE + type, title, status, detail, null, Map.of());
  }

  @JsonAnyGetter
  Map<String, Object> extensionMembers() {
    return extensions;
  }
}
