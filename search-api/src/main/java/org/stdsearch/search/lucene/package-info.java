/**
 * The embedded backend: {@link org.stdsearch.search.lucene.LuceneSearchService} answers the search
 * contract from a Lucene index on local disk (query parsing, drill-sideways facets, highlighting
 * by page and clause, status at query time, glossary expansion, suggestions, detail with
 * references and MoreLikeThis), and {@link org.stdsearch.search.lucene.EmbeddedBackend} serves it
 * with the indexer's {@code LiveIndex} writing through a {@code LuceneSink}. Named after its
 * engine, not {@code internal}, because another backend's package will stand beside it.
 */
package org.stdsearch.search.lucene;
