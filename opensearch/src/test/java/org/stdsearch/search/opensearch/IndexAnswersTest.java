package org.stdsearch.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.ClusterConfig;
import org.stdsearch.opensearch.node.OpenSearchNode;

/** Remembered answers live exactly as long as their index stays as it was (issue 17), on a real node. */
class IndexAnswersTest {
  static Cluster cluster;

  @BeforeAll
  static void connect() throws Exception {
    cluster = Cluster.connect(ClusterConfig.of(OpenSearchNode.shared().url(), "answers-" + System.nanoTime()));
    cluster.ensureLayout(1);
  }

  @AfterAll
  static void close() throws Exception {
    cluster.deleteLayout();
    cluster.close();
  }

  private static void addTermEntry(String id, String key) throws Exception {
    cluster.send("PUT", "/" + cluster.layout().terms() + "/_doc/" + id + "?refresh=true",
        "{\"glossary_key\":\"" + key + "\"}");
  }

  @Test
  void answersStayWhileTheIndexIsUnchangedAndGoWhenItChanges() throws Exception {
    IndexAnswers<Set<String>> answers = new IndexAnswers<>(c -> c.layout().terms());
    answers.checkGeneration(cluster); // the state the answers below are read in
    answers.put("network", Set.of("网络"), answers.epoch());
    answers.checkGeneration(cluster);
    answers.put("protocol", Set.of("协议"), answers.epoch());
    answers.checkGeneration(cluster);
    assertThat(answers.get("protocol")).as("kept: nothing changed").containsExactly("协议");

    addTermEntry("t1", "protocol");
    answers.checkGeneration(cluster);
    assertThat(answers.get("protocol")).as("forgotten: a term entry was added").isNull();

    answers.put("protocol", Set.of("协议", "规程"), answers.epoch());
    answers.checkGeneration(cluster);
    assertThat(answers.get("protocol")).as("read after the change, kept").hasSize(2);
    cluster.send("DELETE", "/" + cluster.layout().terms() + "/_doc/t1?refresh=true", null);
    answers.checkGeneration(cluster);
    assertThat(answers.get("protocol")).as("forgotten: a term entry was deleted").isNull();
  }

  @Test
  void anAnswerReadBeforeAForgettingIsNotKept() {
    IndexAnswers<Boolean> answers = new IndexAnswers<>(c -> c.layout().standards());
    long before = answers.epoch();
    answers.clear();
    answers.put("securty", false, before);
    assertThat(answers.get("securty")).isNull();
    answers.put("securty", false, answers.epoch());
    assertThat(answers.get("securty")).isFalse();
  }
}
