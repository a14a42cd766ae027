package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.LongValueFacetCounts;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.index.Schema;

/** Facet counts from the per-segment arrays against Lucene's own counting, on an index of several segments. */
class FacetValuesTest {
  @TempDir Path tmp;

  @Test
  void countsAsLuceneDoesAndForgetsMergedSegments() throws Exception {
    Random random = new Random(7);
    try (Directory dir = FSDirectory.open(tmp); IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
      for (int i = 0; i < 600; i++) {
        Document doc = new Document();
        doc.add(new StringField("id", Integer.toString(i), Field.Store.NO));
        doc.add(new StringField("half", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
        if (i % 7 != 0) { // some documents have no values, as term entries have none
          for (int v = 0; v < 1 + random.nextInt(3); v++) {
            doc.add(new SortedSetDocValuesField(Schema.FIELD_ID, new BytesRef("f" + random.nextInt(12))));
          }
          doc.add(new SortedNumericDocValuesField(Schema.YEAR, 1990 + random.nextInt(30)));
        }
        writer.addDocument(doc);
        if (i % 150 == 149) {
          writer.commit(); // one segment per commit
        }
      }
      writer.deleteDocuments(new Term("id", "3"), new Term("id", "10"));
      writer.commit();
      FacetValues values = new FacetValues();
      Map<String, Long> allBeforeMerge;
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        allBeforeMerge = values.count(Schema.FIELD_ID,
            new IndexSearcher(reader).search(MatchAllDocsQuery.INSTANCE, new FacetsCollectorManager()));
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        IndexSearcher searcher = new IndexSearcher(reader);
        for (Query q : new Query[] {MatchAllDocsQuery.INSTANCE, new TermQuery(new Term("half", "odd"))}) {
          FacetsCollector hits = searcher.search(q, new FacetsCollectorManager());
          Map<String, Long> expected = new HashMap<>();
          var lucene = new StringValueFacetCounts(new StringDocValuesReaderState(reader, Schema.FIELD_ID), hits);
          for (LabelAndValue lv : lucene.getAllChildren(Schema.FIELD_ID).labelValues) {
            expected.put(lv.label, lv.value.longValue());
          }
          assertThat(values.count(Schema.FIELD_ID, hits)).isEqualTo(expected).hasSize(12);
          Map<String, Long> years = new HashMap<>();
          for (LabelAndValue lv : new LongValueFacetCounts(Schema.YEAR, hits).getAllChildren(Schema.YEAR).labelValues) {
            years.put(lv.label, lv.value.longValue());
          }
          assertThat(values.count(Schema.YEAR, hits)).isEqualTo(years).isNotEmpty();
        }
        assertThat(values.held()).isEqualTo(2 * reader.leaves().size());
      }
      writer.forceMerge(1);
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        // the merged segment counts as its sources did together
        assertThat(values.count(Schema.FIELD_ID,
            new IndexSearcher(reader).search(MatchAllDocsQuery.INSTANCE, new FacetsCollectorManager())))
            .isEqualTo(allBeforeMerge);
        // the old segments closed with their reader: only the merged one is held
        assertThat(values.held()).isEqualTo(1);
      }
      assertThat(values.held()).isZero();
    }
  }
}
