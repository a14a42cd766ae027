package org.stdsearch.search;

import java.util.List;

/**
 * The search service's front door, the contract every backend implements: the embedded Lucene
 * index ({@code search.lucene}) today, an OpenSearch cluster next. Its types are this package's
 * own records, free of Lucene, Tika and the indexer's records; the HTTP layer, the CLI and the
 * web page know nothing else. Links, statuses and other HTTP concerns are made in {@code http}.
 *
 * <p>Errors are typed: {@link BadParameterException} for an invalid request, {@link
 * StandardNotFoundException} for an unknown id, {@link IndexNotReadyException} while the index is
 * not open. Implementations are thread-safe.
 */
public interface SearchService extends AutoCloseable {

  SearchResponse search(SearchRequest request);

  /** Everything about one standard, in labels of {@code labelLang} (zh, en; null: zh). */
  StandardDetail standard(String id, String labelLang);

  /** Where one standard's original file is: a narrow lookup, none of the detail view's work. */
  StandardFile file(String id);

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
}
