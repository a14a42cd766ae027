package org.stdsearch.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.recognise.IdentifierParser;

class IndexerVocabularyTest {
  private final Taxonomy taxonomy = Taxonomy.bundled();
  private final IndexerVocabulary vocabulary = new IndexerVocabulary(taxonomy);

  @Test
  void theTreeIsTheTaxonomys() {
    assertThat(vocabulary.roots()).isEqualTo(taxonomy.roots().stream().map(f -> f.id()).toList()).hasSize(8);
    List<String> all = new ArrayList<>();
    for (String root : vocabulary.roots()) {
      taxonomy.descendantsAndSelf(root).forEach(f -> all.add(f.id()));
    }
    assertThat(all).hasSizeGreaterThan(8);
    for (String id : all) {
      assertThat(vocabulary.children(id)).as(id).isEqualTo(taxonomy.children(id).stream().map(f -> f.id()).toList());
      assertThat(vocabulary.path(id)).as(id).isEqualTo(taxonomy.path(id)).endsWith(id);
      assertThat(vocabulary.label(id, "en")).as(id).isEqualTo(taxonomy.field(id).orElseThrow().label("en"));
    }
    assertThat(vocabulary.children("no-such-field")).isEmpty();
    assertThat(vocabulary.path("no-such-field")).isEmpty();
    assertThat(vocabulary.label("no-such-field", "zh")).isEqualTo("no-such-field");
  }

  @Test
  void aQuerysIdentifierKeysAreTheParsersAndRemembered() {
    for (String q : List.of("GB/T 22239-2019", "gb 22239", "RFC 9110 http", "数据安全", "")) {
      assertThat(vocabulary.identifierKeys(q)).as(q).isEqualTo(IdentifierParser.queryKeys(q));
    }
    assertThat(vocabulary.identifierKeys("GB/T 22239-2019")).isNotEmpty()
        .isSameAs(vocabulary.identifierKeys("GB/T 22239-2019"));
  }
}
