package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.index.Schema;
import org.stdsearch.search.lucene.SearchFixtures.Fixture;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse.Hit;

/**
 * Cross-language expansion through the zh⇄en glossary harvested from term entries: the pairs
 * 机器学习/machine learning and 神经网络/neural network come from GB/T 41867 (the fixtures'
 * terminology standard); the standards added here carry only one language each.
 */
class GlossaryExpansionTest {
  static final String ZH_ONLY = "GB/T 99001-2022";
  static final String EN_ONLY = "ISO 99002:2021";
  static final String EN_NEURAL = "ISO 99003:2020";

  @TempDir static Path tmp;
  static SearchFixtures corpus;
  static LuceneSearchService service;

  @BeforeAll
  static void index() throws Exception {
    corpus = new SearchFixtures();
    corpus.fixtures.add(fixture("gb/99001-2022.pdf", ZH_ONLY, "GB/T", "信息技术 机器学习 系统 质量 要求", null, "zh",
        "1 范围 本标准规定了机器学习系统的质量要求，适用于机器学习系统的设计与评价。"));
    corpus.fixtures.add(fixture("iso/99002.pdf", EN_ONLY, "ISO", null, "Machine learning systems — Quality requirements",
        "en", "This document specifies quality requirements for machine learning systems and their evaluation."));
    corpus.fixtures.add(fixture("iso/99003.pdf", EN_NEURAL, "ISO", null, "Neural network representation — Part 1",
        "en", "This document specifies an exchange format for a trained neural network."));
    service = LuceneSearchService.open(corpus.write(tmp), corpus.taxonomy);
  }

  private static Fixture fixture(String path, String identifier, String family, String titleZh, String titleEn,
      String lang, String text) {
    String number = identifier.replaceAll("\\D*(\\d+).*", "$1");
    String undated = identifier.replaceAll("[-:]\\d{4}$", "");
    return new Fixture(path, identifier, SearchFixtures.keys(undated, identifier, number), family, titleZh, titleEn,
        2021, LocalDate.of(2021, 1, 1), null, List.of("35.020"), List.of(), "recommended", "national", lang, null,
        List.of(corpus.child1), text, List.of(0), List.of(), List.of(), List.of(), "current");
  }

  @AfterAll
  static void close() {
    service.close();
  }

  private static List<String> ids(String q, boolean expand) {
    return service.search(SearchRequest.of(q).withPaging(1, 50).withExpand(expand)).hits().stream()
        .map(Hit::identifier).toList();
  }

  @Test
  void englishQueryFindsChineseOnlyStandardOnlyWithExpansion() {
    assertThat(ids("machine learning", true)).contains(ZH_ONLY, EN_ONLY);
    assertThat(ids("machine learning", false)).contains(EN_ONLY).doesNotContain(ZH_ONLY);
    // a quoted phrase and an upper-cased query are chunks too
    assertThat(ids("\"Machine Learning\"", true)).contains(ZH_ONLY);
    assertThat(ids("\"machine learning\"", false)).doesNotContain(ZH_ONLY);
  }

  @Test
  void defaultIsOn() {
    assertThat(service.search(SearchRequest.of("machine learning").withPaging(1, 50)).hits())
        .extracting(Hit::identifier).contains(ZH_ONLY);
  }

  @Test
  void chineseQueryFindsEnglishOnlyStandard() {
    assertThat(ids("神经网络", true)).contains(EN_NEURAL);
    assertThat(ids("神经网络", false)).doesNotContain(EN_NEURAL);
  }

  @Test
  void exactLanguageMatchRanksAboveExpandedOne() {
    List<String> en = ids("machine learning", true);
    assertThat(en.indexOf(EN_ONLY)).isLessThan(en.indexOf(ZH_ONLY));
    List<String> zh = ids("机器学习", true);
    assertThat(zh).contains(EN_ONLY, ZH_ONLY);
    assertThat(zh.indexOf(ZH_ONLY)).isLessThan(zh.indexOf(EN_ONLY));
  }

  @Test
  void expansionIsPerChunkSoOtherWordsStillApply() {
    // "machine learning quality": the run "machine learning" is translated, "quality" is still required
    assertThat(ids("machine learning quality", true)).contains(EN_ONLY).doesNotContain(ZH_ONLY);
    // an exclusion still excludes the translated alternative
    assertThat(ids("machine learning -机器学习", true)).doesNotContain(ZH_ONLY);
  }

  @Test
  void parserExpandsWholeQueryRunsAndPhrasesNotOtherWords() {
    UserQueryParser parser = UserQueryParser.forStandards(Schema.textAnalyzer());
    Glossary glossary = Glossary.of(Map.of("personal information", Set.of("个人信息"), "个人信息",
        Set.of("personal information")));
    Query run = parser.parseText("Personal  Information security", glossary);
    // two required chunks: (personal information OR 个人信息), then security alone
    var clauses = ((org.apache.lucene.search.BooleanQuery) run).clauses();
    assertThat(clauses).hasSize(2);
    assertThat(clauses.get(0).query().toString()).contains("\"个人 人信 信息\"").contains("person");
    assertThat(clauses.get(1).query().toString()).contains("content:secur").doesNotContain("个");
    assertThat(parser.parseText("personal information security", Glossary.NONE).toString()).doesNotContain("个");
    assertThat(parser.parseText("title:\"personal information\"", glossary).toString()).doesNotContain("个");
    assertThat(parser.parseText("个人信息", glossary).toString()).contains("\"person inform\"");
  }

  @Test
  void glossaryKeyNormalises() {
    assertThat(Schema.glossaryKey("  Personal\u3000 INFORMATION ")).isEqualTo("personal information");
    assertThat(Schema.glossaryKey(null)).isEmpty();
  }
}
