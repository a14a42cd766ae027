package org.stdsearch.search.opensearch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.index.Schema;
import org.stdsearch.recognise.IdentifierParser;
import org.stdsearch.search.internal.RecentlyUsed;

/**
 * The recogniser's and the classifier's knowledge handed to the OpenSearch search service, which
 * lives in a module without them: identifier keys of a query and the glossary's normal form
 * ({@link Vocabulary}), the taxonomy's labels and tree ({@link FieldTree}). Every search asks for
 * the tree and for its query's identifier keys: the tree is read once, the keys of recent queries
 * are remembered.
 */
public final class IndexerVocabulary implements Vocabulary, FieldTree {
  /** Queries whose identifier keys are remembered. */
  static final int REMEMBERED_QUERIES = 4_096;

  private final Taxonomy taxonomy;
  private final List<String> roots;
  private final Map<String, List<String>> children = new HashMap<>();
  private final Map<String, List<String>> paths = new HashMap<>();
  private final RecentlyUsed<String, List<String>> identifierKeys = new RecentlyUsed<>(REMEMBERED_QUERIES);

  public IndexerVocabulary(Taxonomy taxonomy) {
    this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
    this.roots = taxonomy.roots().stream().map(f -> f.id()).toList();
    for (String root : roots) {
      for (var field : taxonomy.descendantsAndSelf(root)) {
        children.put(field.id(), taxonomy.children(field.id()).stream().map(f -> f.id()).toList());
        paths.put(field.id(), taxonomy.path(field.id()));
      }
    }
  }

  @Override
  public List<String> identifierKeys(String query) {
    return identifierKeys.get(query, q -> List.copyOf(IdentifierParser.queryKeys(q)));
  }

  @Override
  public String identifierKey(String text) {
    return IdentifierParser.normaliseKey(text);
  }

  @Override
  public List<String> identifierPrefixKeys(String typed) {
    java.util.Set<String> keys = new java.util.LinkedHashSet<>();
    keys.add(IdentifierParser.normaliseKey(typed));
    IdentifierParser.parse(typed).ifPresent(id -> {
      keys.add(id.undatedKey());
      if (id.datedKey() != null) {
        keys.add(id.datedKey());
      }
    });
    return List.copyOf(keys);
  }

  @Override
  public String glossaryKey(String name) {
    return Schema.glossaryKey(name);
  }

  @Override
  public List<String> roots() {
    return roots;
  }

  @Override
  public List<String> children(String id) {
    return children.getOrDefault(id, List.of());
  }

  @Override
  public String label(String id, String lang) {
    return taxonomy.field(id).map(f -> f.label(lang)).orElse(id);
  }

  @Override
  public List<String> path(String id) {
    return paths.getOrDefault(id, List.of());
  }
}
