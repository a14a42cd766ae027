package org.stdsearch.search.lucene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.classify.TechnologyField;
import org.stdsearch.search.SearchResponse;

/** Technology fields as the API shows them: labels in the requested language and count trees. */
final class FieldLabels {
  private final Taxonomy taxonomy;

  FieldLabels(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  String label(String id, String lang) {
    return taxonomy.field(id).map(f -> f.label(lang)).orElse(id);
  }

  SearchResponse.FieldLabel fieldLabel(String id, String lang) {
    return new SearchResponse.FieldLabel(id, label(id, lang), taxonomy.path(id));
  }

  /**
   * The field facet as a tree following the taxonomy: top-level fields with their children, with
   * {@code counts} by field id (a document counts for its fields and each of their ancestors once).
   * Nodes with no documents are left out unless {@code keepEmpty}.
   */
  List<SearchResponse.FacetValue> tree(Map<String, Long> counts, String lang, boolean keepEmpty) {
    return level(counts, taxonomy.roots(), lang, keepEmpty);
  }

  private List<SearchResponse.FacetValue> level(Map<String, Long> counts, List<TechnologyField> nodes, String lang,
      boolean keepEmpty) {
    List<SearchResponse.FacetValue> out = new ArrayList<>();
    for (TechnologyField node : nodes) {
      long count = counts.getOrDefault(node.id(), 0L);
      if (count == 0 && !keepEmpty) {
        continue;
      }
      List<TechnologyField> children = taxonomy.children(node.id());
      List<SearchResponse.FacetValue> kids = children.isEmpty() || (count == 0 && !keepEmpty)
          ? List.of() : level(counts, children, lang, keepEmpty);
      out.add(new SearchResponse.FacetValue(node.id(), node.label(lang), count, kids));
    }
    out.sort(Comparator.comparingLong(SearchResponse.FacetValue::count).reversed());
    return out;
  }
}
