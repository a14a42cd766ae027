package org.stdsearch.search.opensearch;

import java.util.List;
import java.util.Objects;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.index.Schema;
import org.stdsearch.recognise.IdentifierParser;

/**
 * The recogniser's and the classifier's knowledge handed to the OpenSearch search service, which
 * lives in a module without them: identifier keys of a query and the glossary's normal form
 * ({@link Vocabulary}), the taxonomy's labels and tree ({@link FieldTree}).
 */
public final class IndexerVocabulary implements Vocabulary, FieldTree {
  private final Taxonomy taxonomy;

  public IndexerVocabulary(Taxonomy taxonomy) {
    this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
  }

  @Override
  public List<String> identifierKeys(String query) {
    return IdentifierParser.queryKeys(query);
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
    return taxonomy.roots().stream().map(f -> f.id()).toList();
  }

  @Override
  public List<String> children(String id) {
    return taxonomy.children(id).stream().map(f -> f.id()).toList();
  }

  @Override
  public String label(String id, String lang) {
    return taxonomy.field(id).map(f -> f.label(lang)).orElse(id);
  }

  @Override
  public List<String> path(String id) {
    return taxonomy.path(id);
  }
}
