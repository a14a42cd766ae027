package org.stdsearch.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.index.IndexReport;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.index.Schema;

/**
 * A real indexing process killed with SIGKILL in the middle of a run leaves an index that opens
 * and passes CheckIndex; the next run completes it with no duplicate and no missing document.
 */
class KilledIndexRunTest {
  private static final int DOCUMENTS = 800;

  @TempDir Path tmp;

  @Test
  void runKilledMidwayLeavesACleanIndexThatTheNextRunCompletes() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Path index = tmp.resolve("index");
    for (int i = 0; i < DOCUMENTS; i++) {
      Files.writeString(docs.resolve("doc-" + i + ".txt"),
          "standard number " + i + " about cloud computing and data security, clause " + (i % 17));
    }

    Process child = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Dstdsearch.commitIntervalSeconds=1",
            "-cp", System.getProperty("java.class.path"),
            IndexRunMain.class.getName(), docs.toString(), index.toString()))
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile())
        .start();

    int committed = waitForAPartialCommit(index, child);
    assertThat(child.isAlive()).as("the run was still going when killed").isTrue();
    List<ProcessHandle> workers = child.descendants().toList();
    assertThat(workers).as("the run's extraction workers").isNotEmpty();
    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no final commit
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // Orphaned workers notice and exit instead of finishing their document (or a scan's pages).
    for (ProcessHandle worker : workers) {
      assertThat(worker.onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).get())
          .as("worker %d exits after its indexer was killed", worker.pid()).isNotNull();
    }

    try (Directory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
      assertThat(check.checkIndex().clean).isTrue();
    }

    IndexReport resumed = Indexer.indexFolder(IndexerConfig.of(docs, index).withWorkers(2));

    assertThat(resumed.unchanged()).as("documents committed before the kill are kept").isGreaterThanOrEqualTo(committed);
    assertThat(resumed.indexed() + resumed.unchanged()).isEqualTo(DOCUMENTS);
    assertThat(resumed.documentsInIndex()).isEqualTo(DOCUMENTS);
    assertThat(IndexPipelineTest.pathsIn(index)).hasSize(DOCUMENTS).allSatisfy((p, n) -> assertThat(n).isEqualTo(1));
  }

  /** Waits (bounded) until a commit holds some but not all documents; returns how many. */
  private static int waitForAPartialCommit(Path index, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && child.isAlive()) {
      if (Files.exists(index) && DirectoryReader.indexExists(FSDirectory.open(index))) {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
          int n = reader.docFreq(new Term(Schema.KIND, Schema.KIND_STANDARD));
          if (n > 0) {
            return n;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no partial commit appeared while the child was running");
  }
}
