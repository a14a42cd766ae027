package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SpareCoresTest {
  /** Segments of 50, 40, 30, 20, 10 and 10 documents. */
  private static ByteBuffersDirectory segments() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int size : new int[] {50, 40, 30, 20, 10, 10}) {
        for (int i = 0; i < size; i++) {
          Document d = new Document();
          d.add(new StringField("k", "v", Field.Store.NO));
          w.addDocument(d);
        }
        w.commit();
      }
    }
    return dir;
  }

  @Test
  void segmentsAreDealtIntoOneSliceEachOfAboutEqualSize() throws IOException {
    try (ByteBuffersDirectory dir = segments(); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher.LeafSlice[] slices = SpareCores.dealt(reader.leaves(), 2);
      int[] docs = Arrays.stream(slices)
          .mapToInt(s -> Arrays.stream(s.partitions).mapToInt(p -> p.ctx.reader().maxDoc()).sum()).toArray();
      assertThat(docs).containsExactlyInAnyOrder(80, 80); // 50+20+10 and 40+30+10
      assertThat(Arrays.stream(slices).mapToInt(s -> s.partitions.length).sum()).isEqualTo(6);
      assertThat(SpareCores.dealt(reader.leaves(), 8)).hasSize(6); // never an empty slice
    }
  }

  @Test
  void aSearchAloneGetsTheSpareCoresAndOneAmongManyDoesNot() throws IOException {
    SpareCores cores = new SpareCores(2);
    try (ByteBuffersDirectory dir = segments(); DirectoryReader reader = DirectoryReader.open(dir)) {
      try (SpareCores.Running alone = cores.start()) {
        assertThat(cores.searcher(reader).getSlices()).hasSize(2);
        try (SpareCores.Running second = cores.start()) {
          assertThat(cores.searcher(reader).getSlices()).as("two running on two cores").hasSize(1);
        }
      }
    }
  }
}
