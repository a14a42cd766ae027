package org.stdsearch.index.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.index.IndexEntry;
import org.stdsearch.index.IndexReport;
import org.stdsearch.index.IndexedFile;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.index.StandardSink;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.ClusterConfig;
import org.stdsearch.opensearch.node.OpenSearchNode;

/**
 * The incremental state lives in the cluster (issue 17): a run that dies half-way (after a periodic
 * commit) is resumed by the next run, which redoes only what the cluster does not hold; files
 * changed or removed since are re-indexed or deleted, their old passages and term entries gone.
 */
class OpenSearchSinkResumeTest {
  static final int FILES = 12;
  static final int BEFORE_CRASH = 5;
  @TempDir Path tmp;
  Cluster cluster;
  final Taxonomy taxonomy = Taxonomy.loadOrBundled(null);

  @AfterEach
  void drop() throws IOException {
    if (cluster != null) {
      cluster.deleteLayout();
      cluster.close();
    }
  }

  /** Dies on a write once {@code n} standards were written and committed, as a killed process would stop. */
  static final class CrashingSink implements StandardSink {
    final StandardSink delegate;
    final int n;
    final AtomicInteger writes = new AtomicInteger();

    CrashingSink(StandardSink delegate, int n) {
      this.delegate = delegate;
      this.n = n;
    }

    @Override
    public Map<String, IndexedFile> indexedFiles() throws IOException {
      return delegate.indexedFiles();
    }

    @Override
    public synchronized void write(IndexEntry entry) throws IOException {
      if (writes.get() == n) {
        delegate.commit(); // the periodic commit just before the end
        throw new IOException("simulated crash");
      }
      delegate.write(entry);
      writes.incrementAndGet();
    }

    @Override
    public void touch(String path, long modified) throws IOException {
      delegate.touch(path, modified);
    }

    @Override
    public void delete(String path) throws IOException {
      delegate.delete(path);
    }

    @Override
    public void commit() {
      // the final commit never happens: the process is gone
    }

    @Override
    public int standards() throws IOException {
      return delegate.standards();
    }

    @Override
    public void close() {}
  }

  private IndexReport run(Path docs, StandardSink sink) throws IOException, InterruptedException {
    IndexerConfig config = IndexerConfig.of(docs, tmp.resolve("unused-index")).withWorkers(1)
        .withOcr(OcrOptions.defaults().withMode(OcrMode.OFF));
    try (Indexer indexer = new Indexer(config, sink, taxonomy)) {
      return indexer.run();
    }
  }

  private long count(String index, String field, String value) throws IOException {
    return cluster.client().count(c -> c.index(index).query(q -> q.match(m -> m.field(field)
        .query(v -> v.stringValue(value))))).count();
  }

  @Test
  void aRunThatDiedIsResumedFromTheClustersState() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    for (int i = 0; i < FILES; i++) {
      Files.writeString(docs.resolve("std" + i + ".txt"), "Standard " + i + " on the resumemarker" + i + " topic.\n"
          + "3.1 marker" + i + " term\n");
    }
    cluster = Cluster.connect(ClusterConfig.of(OpenSearchNode.shared().url(), "resume-" + System.nanoTime()));

    OpenSearchSink first = OpenSearchSink.open(cluster, taxonomy, 1, false);
    assertThatThrownBy(() -> run(docs, new CrashingSink(first, BEFORE_CRASH))).hasStackTraceContaining("simulated crash");
    // no close, no final commit: what was committed is all the cluster holds

    try (OpenSearchSink second = OpenSearchSink.open(cluster, taxonomy, 1, false)) {
      IndexReport resumed = run(docs, second);
      assertThat(resumed.unchanged()).as("files the dead run wrote and committed").isEqualTo(BEFORE_CRASH);
      assertThat(resumed.indexed()).isEqualTo(FILES - BEFORE_CRASH);
      assertThat(resumed.documentsInIndex()).isEqualTo(FILES);
      for (int i = 0; i < FILES; i++) {
        assertThat(count(cluster.layout().standards(), "content", "resumemarker" + i)).as("std" + i).isEqualTo(1);
      }
    }

    // a changed file replaces its passages; a removed one takes them along
    Files.writeString(docs.resolve("std0.txt"), "Standard 0 rewritten on the othermarker topic.\n");
    Files.delete(docs.resolve("std1.txt"));
    try (OpenSearchSink third = OpenSearchSink.open(cluster, taxonomy, 1, false)) {
      IndexReport again = run(docs, third);
      assertThat(again.indexed()).isEqualTo(1);
      assertThat(again.deleted()).isEqualTo(1);
      assertThat(again.unchanged()).isEqualTo(FILES - 2);
      assertThat(again.documentsInIndex()).isEqualTo(FILES - 1);
    }
    assertThat(count(cluster.layout().passages(), "text", "resumemarker0")).isZero();
    assertThat(count(cluster.layout().passages(), "text", "othermarker")).isEqualTo(1);
    assertThat(count(cluster.layout().passages(), "text", "resumemarker1")).isZero();
    assertThat(count(cluster.layout().standards(), "content", "resumemarker1")).isZero();
    assertThat(count(cluster.layout().passages(), "text", "resumemarker5")).isEqualTo(1);
  }
}
