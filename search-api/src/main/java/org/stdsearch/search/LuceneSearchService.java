package org.stdsearch.search;

import java.nio.file.Path;
import java.util.List;
import org.stdsearch.classify.Taxonomy;

/** PLACEHOLDER until the search service lands. */
public final class LuceneSearchService implements SearchService {
  public static LuceneSearchService open(Path index, Taxonomy taxonomy) { return new LuceneSearchService(); }
  @Override public SearchResponse search(SearchRequest request) { throw new UnsupportedOperationException(); }
  @Override public StandardDetail standard(String id, String labelLang) { throw new UnsupportedOperationException(); }
  @Override public String text(String id, Integer page) { throw new UnsupportedOperationException(); }
  @Override public List<Suggestion> suggest(String prefix, int size) { throw new UnsupportedOperationException(); }
  @Override public List<TermHit> terms(String q, int size) { throw new UnsupportedOperationException(); }
  @Override public List<SearchResponse.FacetValue> fieldTree(String labelLang) { throw new UnsupportedOperationException(); }
  @Override public IndexStats stats() { throw new UnsupportedOperationException(); }
  @Override public void close() {}
}
