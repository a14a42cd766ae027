package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Where a passage of an RFC lies, through the real pipeline (Tika, recogniser, index, snippets):
 * the page from the text's form feeds, and the clause that contains it, in text and HTML alike
 * (issue 15: every passage of an RFC text said "p. 1", and in an RFC HTML every passage was
 * labelled with the last entry of its contents).
 */
class RfcPassagePlacementTest {
  @TempDir static Path tmp;
  static LuceneSearchService service;

  @BeforeAll
  static void index() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    String header = "RFC 9996                    Pigeon Routing                    June 2022\n\n";
    String footer = "\nWriter                       Standards Track                   [Page %d]\n\f\n";
    String txt = """
        Internet Engineering Task Force (IETF)                         A. Writer
        Request for Comments: 9996                                           XYZ
        Category: Standards Track                                      June 2022
        ISSN: 2070-1721


                                 Pigeon Routing

        Abstract

           This document routes pigeons.

        Table of Contents

           1.  Introduction  . . . . . . . . . . . . . . . . . . . . . . .   2
           2.  Routing Rules . . . . . . . . . . . . . . . . . . . . . . .   2
        """ + footer.formatted(1) + header + """
        1.  Introduction

           Pigeons find their way home; the marsupialword marks this clause.

        2.  Routing Rules

           Routes are flown in order.
        """ + footer.formatted(2) + header + """
           A second page of rules mentions the quokkaword.
        """;
    Files.writeString(docs.resolve("rfc9996.txt"), txt, StandardCharsets.US_ASCII);
    String html = """
        <!DOCTYPE html><html><head><title>RFC 9995: Pigeon Fields</title></head><body>
        <dl><dt>Request for Comments:</dt><dd>9995</dd><dt>Category:</dt><dd>Standards Track</dd></dl>
        <h1>Pigeon Fields</h1>
        <h2>Table of Contents</h2>
        <ul><li><p>1.  Introduction</p></li><li><p>2.  Field Syntax</p></li>
        <li><p>2.1.  Examples</p></li></ul>
        <h2>1. Introduction</h2><p>Fields of pigeons; the wombatword marks this clause.</p>
        <h2>2. Field Syntax</h2><p>Syntax of fields.</p>
        <h3>2.1. Examples</h3><p>An example with the dingoword.</p>
        </body></html>
        """;
    Files.writeString(docs.resolve("rfc9995.html"), html, StandardCharsets.UTF_8);
    Indexer.indexFolder(IndexerConfig.of(docs, tmp.resolve("index")).withWorkers(1)
        .withOcr(OcrOptions.defaults().withMode(OcrMode.OFF)));
    service = LuceneSearchService.open(tmp.resolve("index"), Taxonomy.loadOrBundled(null));
  }

  @AfterAll
  static void close() throws Exception {
    service.close();
  }

  private static SearchResponse.Snippet snippet(String word) {
    SearchResponse r = service.search(SearchRequest.of(word));
    assertThat(r.hits()).as(word).hasSize(1);
    assertThat(r.hits().get(0).snippets()).as(word).isNotEmpty();
    return r.hits().get(0).snippets().get(0);
  }

  @Test
  void plainTextPassagesAreOnTheirFormFeedPageAndInTheirClause() {
    assertThat(snippet("marsupialword").page()).isEqualTo(2);
    assertThat(snippet("marsupialword").clause()).isEqualTo("1");
    assertThat(snippet("quokkaword").page()).isEqualTo(3);
    assertThat(snippet("quokkaword").clause()).isEqualTo("2");
  }

  @Test
  void htmlPassagesAreInTheClauseThatContainsThemNotTheLastContentsEntry() {
    assertThat(snippet("wombatword").clause()).isEqualTo("1");
    assertThat(snippet("dingoword").clause()).isEqualTo("2.1");
  }
}
