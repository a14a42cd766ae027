package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.search.lucene.SearchFixtures.Fixture;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse;

/** The server's wiring: one writer, NRT searchers, state recomputed when the reader changes. */
class LuceneSearchServiceNrtTest {
  @TempDir Path tmp;

  static Fixture edition(String identifier, int year) {
    String number = identifier.substring(identifier.indexOf(' ') + 1, identifier.indexOf('-'));
    return new Fixture("gb/" + identifier.replace('/', '_') + ".txt", identifier,
        SearchFixtures.keys("GB/T " + number, identifier), "GB/T", "数据 安全 " + year, "Data security " + year, year,
        LocalDate.of(year, 1, 1), null, List.of(), List.of(), "recommended", "national", "zh", null, List.of(),
        "data security requirements " + year, List.of(0), List.of(), List.of(), List.of(), null);
  }

  @Test
  void refreshedReaderSeesNewEditionsAndRecomputesStatus() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    try (Directory dir = FSDirectory.open(tmp.resolve("index")); IndexWriter writer = Indexer.openWriter(dir);
        Indexer indexer = new Indexer(IndexerConfig.of(docs, tmp.resolve("index")).withWorkers(1), writer)) {
      SearcherManager manager = new SearcherManager(writer, new SearcherFactory());
      try (LuceneSearchService service = LuceneSearchService.over(manager, Taxonomy.loadOrBundled(null))) {
        assertThat(service.search(SearchRequest.of("")).total()).isZero();
        assertThat(service.stats().documents()).isZero();

        indexer.add(SearchFixtures.recognised(edition("GB/T 70001-2019", 2019)), List.of());
        manager.maybeRefreshBlocking();
        assertThat(service.search(SearchRequest.of("GB/T 70001")).hits()).singleElement()
            .satisfies(h -> assertThat(h.status()).isEqualTo("current"));

        indexer.add(SearchFixtures.recognised(edition("GB/T 70001-2024", 2024)), List.of());
        manager.maybeRefreshBlocking();
        List<SearchResponse.Hit> hits = service.search(SearchRequest.of("GB/T 70001")).hits();
        assertThat(hits).extracting(SearchResponse.Hit::identifier).containsExactly("GB/T 70001-2024", "GB/T 70001-2019");
        assertThat(hits).extracting(SearchResponse.Hit::status).containsExactly("current", "superseded");
      } finally {
        manager.close();
      }
    }
  }
}
