package org.stdsearch.http.filter;

import java.util.Collection;
import java.util.Set;

/**
 * Which other origins a route may be read by from a browser: none, a list, or any ({@code *}).
 *
 * @param origins allowed origins ({@code scheme://host[:port]}), or the one element {@code *}
 */
public record CorsPolicy(Set<String> origins) {
  /** Same origin only. */
  public static final CorsPolicy NONE = new CorsPolicy(Set.of());
  /** Public files that hold no data (scripts of the widget, descriptions): any origin. */
  public static final CorsPolicy ANY = new CorsPolicy(Set.of("*"));

  public CorsPolicy {
    origins = Set.copyOf(origins);
  }

  public static CorsPolicy of(Collection<String> origins) {
    return origins.contains("*") ? ANY : new CorsPolicy(Set.copyOf(origins));
  }

  public boolean any() {
    return origins.contains("*");
  }

  public boolean none() {
    return origins.isEmpty();
  }

  /** The value of {@code Access-Control-Allow-Origin} for a request from {@code origin}, or null. */
  String allow(String origin) {
    if (any()) {
      return "*";
    }
    return origin != null && origins.contains(origin) ? origin : null;
  }
}
