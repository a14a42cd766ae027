package org.stdsearch.classify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classification rules of one field as written in the taxonomy file: code prefixes and
 * keywords, each with a weight.
 */
record FieldRules(Map<String, Double> ics, Map<String, Double> ccs, Map<String, Double> keywords) {

  static final FieldRules NONE = new FieldRules(Map.of(), Map.of(), Map.of());

  FieldRules {
    ics = ordered(ics);
    ccs = ordered(ccs);
    keywords = ordered(keywords);
  }

  // File order, not Map.copyOf's per-run order: scores are sums of doubles and must not drift.
  private static Map<String, Double> ordered(Map<String, Double> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
