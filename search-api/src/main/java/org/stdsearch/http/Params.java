package org.stdsearch.http;

import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stdsearch.search.BadParameterException;

/** Typed access to query and path parameters; a value of the wrong type names its parameter. */
public final class Params {
  private final Map<String, Deque<String>> query;
  private final Map<String, String> path;

  private Params(Map<String, Deque<String>> query, Map<String, String> path) {
    this.query = query;
    this.path = path;
  }

  public static Params of(HttpServerExchange ex) {
    var match = ex.getAttachment(io.undertow.util.PathTemplateMatch.ATTACHMENT_KEY);
    return new Params(ex.getQueryParameters(), match == null ? Map.of() : match.getParameters());
  }

  /** A path parameter ({@code {id}}); Undertow has already percent-decoded it. */
  public String path(String name) {
    String v = path.get(name);
    if (v == null || v.isBlank()) {
      throw new BadParameterException(name, "is required");
    }
    return v;
  }

  /** The last value of a query parameter, stripped; null when absent or blank. */
  public String string(String name) {
    Deque<String> values = query.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    String v = values.getLast().strip();
    return v.isEmpty() ? null : v;
  }

  public String string(String name, String fallback) {
    String v = string(name);
    return v == null ? fallback : v;
  }

  /** All values of a repeatable parameter; each value may also be a comma list. */
  public List<String> strings(String name) {
    Deque<String> values = query.get(name);
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        for (String part : v.split(",")) {
          if (!part.isBlank()) {
            out.add(part.strip());
          }
        }
      }
    }
    return out;
  }

  public Integer integer(String name) {
    String v = string(name);
    return v == null ? null : parseInt(name, v);
  }

  public int integer(String name, int fallback) {
    Integer v = integer(name);
    return v == null ? fallback : v;
  }

  public List<Integer> integers(String name) {
    return strings(name).stream().map(v -> parseInt(name, v)).toList();
  }

  /** An enum constant by case-insensitive name, listing the accepted values when wrong. */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String v = string(name);
    if (v == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> accepted = java.util.Arrays.stream(type.getEnumConstants())
          .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
      throw new BadParameterException(name, "must be one of " + String.join(", ", accepted));
    }
  }

  /** One of a fixed set of lower-case words. */
  public String oneOf(String name, String fallback, List<String> accepted) {
    String v = string(name, fallback);
    if (v != null && !accepted.contains(v.toLowerCase(Locale.ROOT))) {
      throw new BadParameterException(name, "must be one of " + String.join(", ", accepted));
    }
    return v == null ? null : v.toLowerCase(Locale.ROOT);
  }

  private static int parseInt(String name, String v) {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, "must be an integer");
    }
  }
}
