/**
 * The last stage of the pipeline: {@link org.stdsearch.index.Indexer} walks the docs folder and
 * sends each file through extraction, recognition and classification ({@code FilePipeline}) to a
 * {@link org.stdsearch.index.StandardSink}, which also keeps the incremental state ({@link
 * org.stdsearch.index.IndexedFile} per path) that makes a run resumable. The embedded Lucene index
 * is the default sink: {@link org.stdsearch.index.LuceneSink} with the one {@link
 * org.stdsearch.index.Schema} the search side reads. Another sink (a cluster's bulk API) goes in a
 * package of its own beside this one.
 */
package org.stdsearch.index;
