package org.stdsearch.cli;

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
 * {@code serve} killed with SIGKILL during its first pass (issue 19: up to 30 s of indexing was
 * lost): the pass commits every few seconds whatever the batch interval, so a commit with part of
 * the folder exists while it runs; the index left behind is clean and the next run completes it.
 * The batch interval is set to an hour here, so only serve's own interval can commit mid-pass.
 */
class KilledServeTest {
  private static final int DOCUMENTS = 1000;

  @TempDir Path tmp;

  @Test
  void serveKilledDuringItsPassHasCommittedPartOfItAndTheNextRunCompletesIt() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Path index = tmp.resolve("index");
    for (int i = 0; i < DOCUMENTS; i++) {
      Files.writeString(docs.resolve("doc-" + i + ".txt"),
          "standard number " + i + " about cloud computing and data security, clause " + (i % 17));
    }
    ProcessBuilder pb = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Dstdsearch.commitIntervalSeconds=3600",
            "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "serve", "--docs", docs.toString(), "--index", index.toString(), "--port", "0",
            "--workers", "2"))
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("serve.log").toFile());
    pb.environment().put("STDSEARCH_OCR", "off");
    Process serve = pb.start();

    int committed = waitForAPartialCommit(index, serve);
    assertThat(committed).as("a commit with part of the folder while the pass runs").isBetween(1, DOCUMENTS - 1);
    serve.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
    assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();

    try (Directory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
      assertThat(check.checkIndex().clean).isTrue();
    }
    IndexReport resumed = Indexer.indexFolder(IndexerConfig.of(docs, index).withWorkers(2));
    assertThat(resumed.unchanged()).as("documents committed before the kill are kept").isGreaterThanOrEqualTo(committed);
    assertThat(resumed.documentsInIndex()).isEqualTo(DOCUMENTS);
  }

  /** Waits (bounded) until a commit holds some but not all documents; returns how many. */
  private static int waitForAPartialCommit(Path index, Process serve) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline && serve.isAlive()) {
      if (Files.exists(index)) {
        try (Directory dir = FSDirectory.open(index)) {
          if (DirectoryReader.indexExists(dir)) {
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
              int n = reader.docFreq(new Term(Schema.KIND, Schema.KIND_STANDARD));
              if (n > 0) {
                return n;
              }
            }
          }
        } catch (java.io.IOException e) {
          // a commit being written: look again
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no commit appeared while serve ran its first pass");
  }
}
