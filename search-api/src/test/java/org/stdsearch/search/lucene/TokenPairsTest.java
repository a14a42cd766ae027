package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.index.Schema;

/**
 * Phrases looked up by their {@link Schema#CONTENT_PAIRS pairs} match exactly the documents the
 * positional phrase matches, on the sample corpus indexed by the real pipeline: quoted phrases and
 * unquoted multi-token words alike, over every term name (Chinese and English) the corpus defines.
 */
class TokenPairsTest {
  @TempDir static Path tmp;
  static DirectoryReader reader;
  static Set<String> phrases = new TreeSet<>();

  @BeforeAll
  static void indexSampleCorpus() throws Exception {
    Path root = Path.of(System.getProperty("stdsearch.projectRoot", ".."));
    Path index = tmp.resolve("index");
    Indexer.indexFolder(IndexerConfig.of(root.resolve("corpus/standards"), index).withWorkers(2)
        .withOcr(OcrOptions.defaults().withMode(OcrMode.OFF)));
    reader = DirectoryReader.open(FSDirectory.open(index));
    JsonNode expected = new ObjectMapper().readTree(Files.readString(root.resolve("corpus/expected.json")));
    for (JsonNode d : expected.get("documents")) {
      for (JsonNode t : d.path("terms")) {
        for (String name : new String[] {t.path("zh").asText(""), t.path("en").asText("")}) {
          if (!name.isBlank() && !name.contains("\"")) {
            phrases.add(name.strip());
          }
        }
      }
    }
  }

  private static Set<Integer> matches(Query q) throws IOException {
    return Arrays.stream(new IndexSearcher(reader).search(q, new TopScoreDocCollectorManager(1000, Integer.MAX_VALUE))
        .scoreDocs).map(sd -> sd.doc).collect(Collectors.toSet());
  }

  @Test
  void pairsMatchWhatPositionsMatch() throws IOException {
    UserQueryParser positional = UserQueryParser.forStandards(Schema.textAnalyzer(), false);
    UserQueryParser pairs = UserQueryParser.forStandards(Schema.textAnalyzer(), true);
    Set<String> viaPairs = new LinkedHashSet<>();
    int matching = 0;
    for (String p : phrases) {
      for (String q : new String[] {"\"" + p + "\"", p}) {
        Query byPairs = pairs.parseText(q);
        Set<Integer> expected = matches(positional.parseText(q));
        assertThat(matches(byPairs)).as(q).isEqualTo(expected);
        matching += expected.isEmpty() ? 0 : 1;
        if (byPairs.toString().contains(Schema.CONTENT_PAIRS)) {
          viaPairs.add(q);
        }
      }
    }
    // not vacuous: most term names are phrases of two or more tokens, and most are found
    assertThat(phrases).hasSizeGreaterThan(40);
    assertThat(viaPairs).hasSizeGreaterThan(phrases.size());
    assertThat(matching).isGreaterThan(phrases.size());
  }

  /**
   * A translation added by the glossary is looked up by its pairs alone (no positions): it finds
   * every document the phrase is in, and may find one holding the pairs apart.
   */
  @Test
  void translationsByPairsFindEveryPhraseMatch() throws IOException {
    UserQueryParser positional = UserQueryParser.forStandards(Schema.textAnalyzer(), false);
    UserQueryParser pairs = UserQueryParser.forStandards(Schema.textAnalyzer(), true);
    int exact = 0;
    int found = 0;
    for (String p : phrases) {
      // a made-up word that only the glossary knows: the query matches what the translation matches
      Glossary glossary = Glossary.of(java.util.Map.of("qqzx", Set.of(Schema.glossaryKey(p))));
      Set<Integer> phraseMatches = matches(positional.parseText("\"" + p + "\""));
      Set<Integer> translated = matches(pairs.parseText("qqzx", glossary));
      assertThat(translated).as(p).containsAll(phraseMatches);
      exact += phraseMatches.size();
      found += translated.size();
    }
    System.out.printf("translations by pairs: %d matches where the phrases have %d%n", found, exact);
    assertThat(exact).isGreaterThan(phrases.size());
  }

  @Test
  void twoWordsOrThreeHanCharactersAreOneTermLookup() {
    UserQueryParser pairs = UserQueryParser.forStandards(Schema.textAnalyzer(), true);
    assertThat(pairs.parseText("\"personal information\"").toString())
        .contains("content_pairs:person inform").doesNotContain("content:\"");
    assertThat(pairs.parseText("\"链路层\"").toString()).contains("content_pairs:链路层").doesNotContain("content:\"");
    // longer exact phrases keep their positions, behind the pairs as a filter
    assertThat(pairs.parseText("\"数据中心\"").toString())
        .contains("content:\"数据 据中 中心\"").contains("#content_pairs:数据中").contains("#content_pairs:据中心");
  }
}
