package org.stdsearch.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.classify.TechnologyField;
import org.stdsearch.index.Schema;
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
   * The field facet as a tree following the taxonomy: top-level fields with their children, counts
   * from {@code facets}. Nodes with no documents are left out unless {@code keepEmpty}.
   */
  List<SearchResponse.FacetValue> tree(Facets facets, String lang, boolean keepEmpty) throws IOException {
    return level(facets, taxonomy.roots(), new ArrayList<>(), lang, keepEmpty);
  }

  /** As {@link #tree(Facets, String, boolean)}, for a reader where the field dimension may be absent. */
  List<SearchResponse.FacetValue> tree(Facets facets, ReaderState state, String lang, boolean keepEmpty)
      throws IOException {
    return tree(state.dims.contains(Schema.FIELD_FACET) ? facets : null, lang, keepEmpty);
  }

  private List<SearchResponse.FacetValue> level(Facets facets, List<TechnologyField> nodes, List<String> parentPath,
      String lang, boolean keepEmpty) throws IOException {
    java.util.Map<String, Long> counts = counts(facets, parentPath);
    List<SearchResponse.FacetValue> out = new ArrayList<>();
    for (TechnologyField node : nodes) {
      long count = counts.getOrDefault(node.id(), 0L);
      if (count == 0 && !keepEmpty) {
        continue;
      }
      List<String> path = new ArrayList<>(parentPath);
      path.add(node.id());
      List<TechnologyField> children = taxonomy.children(node.id());
      List<SearchResponse.FacetValue> kids = children.isEmpty() || (count == 0)
          ? (keepEmpty ? level(null, children, path, lang, true) : List.of())
          : level(facets, children, path, lang, keepEmpty);
      out.add(new SearchResponse.FacetValue(node.id(), node.label(lang), count, kids));
    }
    out.sort(java.util.Comparator.comparingLong(SearchResponse.FacetValue::count).reversed());
    return out;
  }

  private static java.util.Map<String, Long> counts(Facets facets, List<String> path) throws IOException {
    java.util.Map<String, Long> counts = new java.util.HashMap<>();
    if (facets == null) {
      return counts;
    }
    FacetResult result;
    try {
      result = facets.getAllChildren(Schema.FIELD_FACET, path.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      return counts; // dimension or path not in this index
    }
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        counts.put(lv.label, lv.value.longValue());
      }
    }
    return counts;
  }
}
