package org.stdsearch.search;

import java.util.List;

/**
 * The search service's front door. Its types are backend-neutral: the embedded Lucene backend
 * implements it today; an OpenSearch backend can implement the same contract.
 */
public interface SearchService extends AutoCloseable {

  SearchResponse search(SearchRequest request);

  /**
   * A search within {@code budget}: past its time the answer is what was found so far
   * ({@code partial}); once its client is gone it stops with {@link SearchCancelledException}.
   * Backends that cannot stop a search early may ignore the budget.
   */
  default SearchResponse search(SearchRequest request, SearchBudget budget) {
    return search(request);
  }

  /** Everything about one standard; throws {@link StandardNotFoundException}. */
  StandardDetail standard(String id, String labelLang);

  /** Extracted text of one 1-based page, or the whole text when {@code page} is null. */
  String text(String id, Integer page);

  /** As-you-type suggestions over identifiers, titles and terms. */
  List<Suggestion> suggest(String prefix, int size);

  /** Terms and definitions across all standards. */
  List<TermHit> terms(String q, int size);

  /** The taxonomy with counts over the whole index. */
  List<SearchResponse.FacetValue> fieldTree(String labelLang);

  IndexStats stats();

  /**
   * Returns once what the first search needs is ready (the Lucene backend's per-reader state),
   * so a caller can put other start-up work after it. Backends without such state return at once.
   */
  default void warm() {}

  @Override
  void close();

  /** A suggestion: what to show, its type (identifier, title, term) and the standard's id. */
  record Suggestion(String text, String type, String id) {}

  /** A term entry and where it is defined. */
  record TermHit(String termZh, String termEn, String definition, String clause, String standardId,
      String identifier) {}

  /** Size and freshness of the index. */
  record IndexStats(long documents, java.util.Map<String, Long> byStatus, java.util.Map<String, Long> byExtraction,
      long indexBytes, String lastCommit) {}
}
