package org.stdsearch.http;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.stdsearch.cli.BackendConfig;
import org.stdsearch.cli.Backends;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.ClusterConfig;
import org.stdsearch.opensearch.node.OpenSearchNode;
import org.stdsearch.search.Backend;

/**
 * The live server's tests (watcher, uploads, deletes, searching while indexing), unchanged, on the
 * OpenSearch backend: a real node shared by the test JVM, a fresh set of indexes per test (issue 17).
 */
class OpenSearchLiveIndexTest extends LiveIndexTest {
  private ClusterConfig cluster;

  @Override
  Backend backend(ServerConfig config) {
    cluster = ClusterConfig.of(OpenSearchNode.shared().url(), "live-" + System.nanoTime());
    return Backends.serving(config, BackendConfig.opensearch(cluster, true));
  }

  @AfterEach
  void dropIndexes() throws IOException {
    if (cluster != null) {
      try (Cluster c = Cluster.connect(cluster)) {
        c.deleteLayout();
      }
    }
  }
}
