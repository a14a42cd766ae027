/**
 * The search contract every backend implements: {@link org.stdsearch.search.SearchService} (query
 * in, records out), {@link org.stdsearch.search.SearchRequest} and its builder, the response and
 * detail records, the typed exceptions, and {@link org.stdsearch.search.Backend} (a served index:
 * its service, docs folder and admin operations). It depends on the JDK alone, never on Lucene,
 * Tika or the indexer's records ({@code ArchitectureTest}); links and HTTP statuses are made in
 * {@code http}. The embedded Lucene backend is {@code search.lucene}; a second backend (an
 * OpenSearch cluster) is another package beside it, chosen in {@code cli.Backends}.
 */
package org.stdsearch.search;
