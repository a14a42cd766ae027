package org.stdsearch.search.opensearch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stdsearch.index.opensearch.OpenSearchSink;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.ClusterConfig;
import org.stdsearch.opensearch.node.OpenSearchNode;
import org.stdsearch.search.lucene.LuceneSearchServiceTest;
import org.stdsearch.search.lucene.SearchFixtures;

/**
 * Every test of the search contract that the embedded index passes, on the OpenSearch backend: the
 * same fixtures written through {@link OpenSearchSink} into a real node (shared by the test JVM),
 * searched through {@link OpenSearchSearchService} (issue 17).
 */
class OpenSearchSearchServiceTest extends LuceneSearchServiceTest {
  static Cluster cluster;

  @BeforeAll
  static void index() throws Exception {
    OpenSearchNode node = OpenSearchNode.shared();
    cluster = Cluster.connect(ClusterConfig.of(node.url(), "contract-" + System.nanoTime()));
    corpus = new SearchFixtures();
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
