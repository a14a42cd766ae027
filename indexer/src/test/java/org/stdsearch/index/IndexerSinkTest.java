package org.stdsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;

/**
 * The pipeline writes through any {@link StandardSink} and takes its incremental state from the
 * sink alone (issue 17): here a sink of plain maps, with no Lucene index anywhere, as a second
 * backend's sink would be.
 */
class IndexerSinkTest {
  @TempDir Path tmp;

  /** A sink of plain maps: what it holds is exactly what the pipeline wrote. */
  static final class MapSink implements StandardSink {
    final Map<String, IndexEntry> entries = new ConcurrentHashMap<>();
    final Map<String, IndexedFile> state = new ConcurrentHashMap<>();
    final List<String> writes = java.util.Collections.synchronizedList(new ArrayList<>());
    int commits;

    @Override
    public Map<String, IndexedFile> indexedFiles() {
      return Map.copyOf(state);
    }

    @Override
    public void write(IndexEntry entry) {
      entries.put(entry.path(), entry);
      var doc = entry.standard().document();
      state.put(entry.path(), new IndexedFile(entry.stateKey(), doc.mimeType(), doc.sizeBytes(), entry.modified()));
      writes.add(entry.path());
    }

    @Override
    public void touch(String path, long modified) {
      state.computeIfPresent(path, (p, f) -> new IndexedFile(f.stateKey(), f.mime(), f.size(), modified));
    }

    @Override
    public void delete(String path) {
      entries.remove(path);
      state.remove(path);
    }

    @Override
    public synchronized void commit() {
      commits++;
    }

    @Override
    public int standards() {
      return entries.size();
    }

    @Override
    public void close() {}
  }

  private IndexReport run(Path docs, MapSink sink) throws IOException, InterruptedException {
    IndexerConfig config = IndexerConfig.of(docs, tmp.resolve("unused-index")).withWorkers(1)
        .withOcr(OcrOptions.defaults().withMode(OcrMode.OFF));
    try (Indexer indexer = new Indexer(config, sink, Taxonomy.loadOrBundled(null))) {
      return indexer.run();
    }
  }

  @Test
  void writesEachStandardThroughTheSinkAndResumesFromItsState() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("a.txt"), "GB/T 1234-2020 Information security techniques. alphamarker\n");
    Files.writeString(docs.resolve("b.txt"), "GB/T 5678-2021 Cloud computing reference architecture. betamarker\n");
    MapSink sink = new MapSink();

    IndexReport first = run(docs, sink);
    assertThat(first.indexed()).isEqualTo(2);
    assertThat(first.documentsInIndex()).isEqualTo(2);
    assertThat(sink.entries.keySet()).containsExactlyInAnyOrder("a.txt", "b.txt");
    assertThat(sink.entries.get("a.txt").standard().document().text()).contains("alphamarker");
    assertThat(sink.entries.get("a.txt").stateKey()).startsWith(sink.state.get("a.txt").hash())
        .hasSizeGreaterThanOrEqualTo(64);
    assertThat(sink.commits).as("a commit before and after the OCR pass").isGreaterThanOrEqualTo(2);

    // What the sink holds decides what is redone: an entry it lost (a run killed before its
    // commit) is written again, the other is left alone.
    sink.delete("b.txt");
    sink.writes.clear();
    IndexReport resumed = run(docs, sink);
    assertThat(resumed.unchanged()).isEqualTo(1);
    assertThat(resumed.indexed()).isEqualTo(1);
    assertThat(sink.writes).containsExactly("b.txt");

    // A file gone from the folder is deleted from the sink.
    Files.delete(docs.resolve("a.txt"));
    IndexReport afterDelete = run(docs, sink);
    assertThat(afterDelete.deleted()).isEqualTo(1);
    assertThat(sink.entries.keySet()).containsExactly("b.txt");
  }
}
