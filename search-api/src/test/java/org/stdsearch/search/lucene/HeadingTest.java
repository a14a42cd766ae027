package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse;
import org.stdsearch.search.Suggestion;

/**
 * What a hit and a detail show as a standard's heading, through the real pipeline (issue 15: a
 * standard without identifier was headed by its internal hex id): the identifier, else the
 * title, else the file name; never the id. Also the identifier families of issue 15 as a person
 * types them, found through the index.
 */
class HeadingTest {
  @TempDir static Path tmp;
  static LuceneSearchService service;

  @BeforeAll
  static void index() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("note.html"), """
        <!DOCTYPE html><html><head><title>Pigeon Handling Guidelines</title></head>
        <body><h1>Pigeon Handling Guidelines</h1><p>How the nutmegword pigeons are handled.</p></body></html>
        """, StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("memo-without-title.txt"), """
        a memo about the cardamomword pigeons, with no title of its own
        and a second line.
        """, StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("spec.bs"), """
        <pre class='metadata'>
        Title: Pigeon Authentication - Level 2
        Status: ED
        ED: https://w3c.github.io/pigeonauth/
        Shortname: pigeonauth
        Level: 2
        </pre>
        The saffronword pigeons authenticate.
        """, StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("ecma.html"), """
        <html><head><title>Pigeon Script Language Specification</title></head><body>
        <p>Standard ECMA-999</p><p>15th Edition / June 2024</p><p>The vanillaword language.</p></body></html>
        """, StandardCharsets.UTF_8);
    Indexer.indexFolder(IndexerConfig.of(docs, tmp.resolve("index")).withWorkers(1)
        .withOcr(OcrOptions.defaults().withMode(OcrMode.OFF)));
    service = LuceneSearchService.open(tmp.resolve("index"), Taxonomy.loadOrBundled(null));
  }

  @AfterAll
  static void close() {
    service.close();
  }

  private static SearchResponse.Hit only(String q) {
    SearchResponse r = service.search(SearchRequest.of(q));
    assertThat(r.hits()).as(q).hasSize(1);
    return r.hits().get(0);
  }

  @Test
  void aStandardWithoutIdentifierIsHeadedByItsTitleElseItsFileNameNeverItsId() {
    SearchResponse.Hit note = only("nutmegword");
    assertThat(note.identifier()).isNull();
    assertThat(note.heading()).isEqualTo("Pigeon Handling Guidelines").doesNotContain(note.id());
    assertThat(service.standard(note.id(), "en").heading()).isEqualTo("Pigeon Handling Guidelines");
    SearchResponse.Hit memo = only("cardamomword");
    assertThat(memo.identifier()).isNull();
    assertThat(memo.heading()).isEqualTo("memo-without-title.txt");
  }

  @Test
  void aStandardWithIdentifierIsHeadedByIt() {
    SearchResponse.Hit spec = only("saffronword");
    assertThat(spec.identifier()).isEqualTo("W3C pigeonauth-2 ED");
    assertThat(spec.heading()).isEqualTo(spec.identifier());
  }

  @Test
  void familiesAreFoundAsPeopleTypeThemAndSuggested() {
    Map<String, String> firstHit = Map.of("pigeonauth", "W3C pigeonauth-2 ED", "w3c pigeonauth-2", "W3C pigeonauth-2 ED",
        "ecma999", "ECMA-999 15th edition", "ECMA-999", "ECMA-999 15th edition");
    firstHit.forEach((typed, identifier) ->
        assertThat(service.search(SearchRequest.of(typed)).hits()).as(typed).isNotEmpty()
            .first().extracting(SearchResponse.Hit::identifier).isEqualTo(identifier));
    assertThat(service.suggest("ecma99", 5).stream().map(Suggestion::text).collect(Collectors.toList()))
        .contains("ECMA-999 15th edition");
    assertThat(service.suggest("pigeonau", 5).stream().map(Suggestion::text).collect(Collectors.toList()))
        .contains("W3C pigeonauth-2 ED");
  }
}
