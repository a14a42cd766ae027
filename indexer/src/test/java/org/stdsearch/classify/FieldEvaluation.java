package org.stdsearch.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Precision and recall of the classifier against hand labels, per top-level field and micro-averaged. */
final class FieldEvaluation {

  /** One labelled document: what it is called, what we expect, what the classifier said. */
  record Case(String name, Set<String> expected, Set<String> predicted) {}

  private final Taxonomy taxonomy;
  private final List<Case> cases = new ArrayList<>();

  FieldEvaluation(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  void add(String name, Set<String> expected, Set<String> predicted) {
    cases.add(new Case(name, expected, predicted));
  }

  private Set<String> roots(Set<String> ids) {
    Set<String> out = new LinkedHashSet<>();
    for (String id : ids) {
      List<String> path = taxonomy.path(id);
      out.add(path.isEmpty() ? id : path.get(0));
    }
    return out;
  }

  /** Micro-averaged F1 over top-level fields. */
  double topLevelMicroF1() {
    int[] c = microCounts(true);
    return f1(c[0], c[1], c[2]);
  }

  private int[] microCounts(boolean topLevel) {
    int tp = 0, fp = 0, fn = 0;
    for (Case c : cases) {
      Set<String> exp = topLevel ? roots(c.expected) : c.expected;
      Set<String> got = topLevel ? roots(c.predicted) : c.predicted;
      for (String g : got) {
        if (exp.contains(g)) tp++; else fp++;
      }
      for (String e : exp) {
        if (!got.contains(e)) fn++;
      }
    }
    return new int[] {tp, fp, fn};
  }

  String report(String title) {
    Map<String, int[]> perRoot = new LinkedHashMap<>();
    taxonomy.roots().forEach(r -> perRoot.put(r.id(), new int[3]));
    for (Case c : cases) {
      Set<String> exp = roots(c.expected);
      Set<String> got = roots(c.predicted);
      for (String r : perRoot.keySet()) {
        int[] k = perRoot.get(r);
        if (got.contains(r) && exp.contains(r)) k[0]++;
        else if (got.contains(r)) k[1]++;
        else if (exp.contains(r)) k[2]++;
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("== ").append(title).append(" (").append(cases.size()).append(" documents)\n");
    sb.append(String.format(Locale.ROOT, "%-6s %4s %4s %4s %9s %7s %6s%n", "field", "tp", "fp", "fn", "precision", "recall", "f1"));
    for (var e : perRoot.entrySet()) {
      int[] k = e.getValue();
      if (k[0] + k[1] + k[2] > 0) {
        sb.append(row(e.getKey(), k[0], k[1], k[2]));
      }
    }
    int[] top = microCounts(true);
    sb.append(row("micro", top[0], top[1], top[2]));
    int[] leaf = microCounts(false);
    sb.append(row("exact", leaf[0], leaf[1], leaf[2])).append("(exact = most-specific field ids compared as they are)\n");
    for (Case c : cases) {
      if (!c.expected.equals(c.predicted)) {
        sb.append("  differs: ").append(c.name).append(" expected ").append(c.expected)
            .append(" got ").append(c.predicted).append('\n');
      }
    }
    return sb.toString();
  }

  private static String row(String name, int tp, int fp, int fn) {
    return String.format(Locale.ROOT, "%-6s %4d %4d %4d %9.3f %7.3f %6.3f%n", name, tp, fp, fn,
        ratio(tp, tp + fp), ratio(tp, tp + fn), f1(tp, fp, fn));
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 1 : (double) a / b;
  }

  private static double f1(int tp, int fp, int fn) {
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }
}
