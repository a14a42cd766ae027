package org.stdsearch.search.opensearch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.stdsearch.search.SearchResponse;

/** Technology fields as the API shows them: labels in the requested language and count trees. */
final class FieldLabels {
  private final FieldTree tree;

  FieldLabels(FieldTree tree) {
    this.tree = tree;
  }

  SearchResponse.FieldLabel fieldLabel(String id, String lang) {
    return new SearchResponse.FieldLabel(id, tree.label(id, lang), tree.path(id));
  }

  /**
   * The field facet as a tree following the taxonomy: top-level fields with their children, counts
   * by field id (each standard counts once under each of its fields and their ancestors). Nodes
   * with no standards are left out unless {@code keepEmpty}.
   */
  List<SearchResponse.FacetValue> tree(Map<String, Long> counts, String lang, boolean keepEmpty) {
    return level(counts, tree.roots(), lang, keepEmpty);
  }

  private List<SearchResponse.FacetValue> level(Map<String, Long> counts, List<String> nodes, String lang,
      boolean keepEmpty) {
    List<SearchResponse.FacetValue> out = new ArrayList<>();
    for (String node : nodes) {
      long count = counts.getOrDefault(node, 0L);
      if (count == 0 && !keepEmpty) {
        continue;
      }
      List<String> children = tree.children(node);
      List<SearchResponse.FacetValue> kids = children.isEmpty() || count == 0
          ? (keepEmpty ? level(Map.of(), children, lang, true) : List.of())
          : level(counts, children, lang, keepEmpty);
      out.add(new SearchResponse.FacetValue(node, tree.label(node, lang), count, kids));
    }
    out.sort(Comparator.comparingLong(SearchResponse.FacetValue::count).reversed());
    return out;
  }
}
