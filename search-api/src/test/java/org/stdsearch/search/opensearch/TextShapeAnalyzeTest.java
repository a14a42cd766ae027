package org.stdsearch.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.ClusterConfig;
import org.stdsearch.opensearch.node.OpenSearchNode;

/**
 * {@link TextShape} counts the tokens the cluster's query-side analysis makes without asking it:
 * here it is asked ({@code _analyze} with our {@code text_query} analyzer on a real node) for words
 * of every kind the queries meet, and the counts must agree.
 */
class TextShapeAnalyzeTest {
  static Cluster cluster;

  @BeforeAll
  static void layout() throws Exception {
    cluster = Cluster.connect(ClusterConfig.of(OpenSearchNode.shared().url(), "shape-" + System.nanoTime()));
    cluster.ensureLayout(1);
  }

  @AfterAll
  static void drop() throws Exception {
    cluster.deleteLayout();
    cluster.close();
  }

  @Test
  void tokenCountsAgreeWithTheClustersAnalysis() throws Exception {
    List<String> words = List.of("security", "GB/T", "35273-2020", "v1.2", "user's", "data_centre", "密", "密钥",
        "信息安全", "信息 安全", "数据data", "***", "e.g.", "ISO/IEC 27001:2013", "GB/T35273—2020", "Ｄata", "RFC9110",
        "个人信息安全规范", "x-ray", "3.1.2", "1,000", "a:b", "ITU-T Y.2599 (2023)", "ｺﾝﾋﾟｭｰﾀ", "T/CESA 1288");
    for (String word : words) {
      String body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
          .put("analyzer", "text_query").put("text", word).toString();
      JsonNode r = cluster.send("POST", "/" + cluster.layout().standards() + "/_analyze", body);
      assertThat(TextShape.of(word).tokens()).as(word + " → " + r.path("tokens")).isEqualTo(r.path("tokens").size());
    }
  }
}
