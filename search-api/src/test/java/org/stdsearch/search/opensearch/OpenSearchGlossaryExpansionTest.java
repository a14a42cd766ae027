package org.stdsearch.search.opensearch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stdsearch.index.opensearch.OpenSearchSink;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.ClusterConfig;
import org.stdsearch.opensearch.node.OpenSearchNode;
import org.stdsearch.search.lucene.GlossaryExpansionTest;
import org.stdsearch.search.lucene.SearchFixtures;

/** The cross-language expansion tests, unchanged, on the OpenSearch backend (issue 17). */
class OpenSearchGlossaryExpansionTest extends GlossaryExpansionTest {
  static Cluster cluster;

  @BeforeAll
  static void index() throws Exception {
    SearchFixtures corpus = fixtures();
    cluster = Cluster.connect(ClusterConfig.of(OpenSearchNode.shared().url(), "glossary-" + System.nanoTime()));
    try (OpenSearchSink sink = OpenSearchSink.open(cluster, corpus.taxonomy, 1, false)) {
      corpus.writeTo(sink, tmp);
    }
    IndexerVocabulary vocabulary = new IndexerVocabulary(corpus.taxonomy);
    service = OpenSearchSearchService.over(cluster, vocabulary, vocabulary);
  }

  @AfterAll
  static void close() throws Exception {
    service.close();
    cluster.deleteLayout();
    cluster.close();
  }
}
