package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.index.MetadataCodec;
import org.stdsearch.index.Schema;
import org.stdsearch.index.StandardMetadata;

class HitRecordsTest {
  @TempDir Path tmp;

  @Test
  void aRecordIsDecodedOnceAndIsTheStoredOne() throws Exception {
    Path index = new SearchFixtures().write(tmp);
    HitRecords records = new HitRecords();
    try (var dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      ScoreDoc[] standards = new IndexSearcher(reader)
          .search(new TermQuery(new Term(Schema.KIND, Schema.KIND_STANDARD)), 1000).scoreDocs;
      assertThat(standards).hasSizeGreaterThan(10);
      for (ScoreDoc sd : standards) {
        StandardMetadata first = records.get(reader, sd.doc);
        assertThat(first).isEqualTo(MetadataCodec.read(Schema.binary(reader, sd.doc, Schema.HIT_JSON)));
        assertThat(records.get(reader, sd.doc)).as("kept").isSameAs(first);
      }
      assertThat(records.get(reader, standards[0].doc).id()).isNotEqualTo(records.get(reader, standards[1].doc).id());
    }
  }
}
