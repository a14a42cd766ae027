package org.stdsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.SmallDisk;

/**
 * {@code index} onto a small real file system that fills up (issue 19): the error names the full
 * disk, not "this IndexWriter is closed"; the report is still written; the index folder holds
 * nothing but its last commit. Skipped where a tmpfs cannot be mounted.
 */
class IndexCommandDiskFullTest {
  @TempDir Path tmp;
  SmallDisk disk;

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      disk.close();
    }
  }

  @Test
  void indexOnAFullDiskNamesTheCauseWritesItsReportAndLeavesOnlyTheLastCommit() throws Exception {
    disk = SmallDisk.mount(tmp.resolve("disk"), 24);
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Path index = disk.root().resolve("index");
    Files.writeString(docs.resolve("first.txt"), "The first standard, indexed while there is room.\n");
    assertThat(Main.run("index", "--docs", docs.toString(), "--index", index.toString(), "--workers", "1",
        "--ocr", "off")).isZero();

    for (int i = 0; i < 40; i++) {
      StringBuilder text = new StringBuilder("Standard number " + i + ".\n");
      for (int line = 0; line < 3000; line++) {
        text.append("Clause ").append(line).append(" of standard ").append(i).append(" word").append(i * 7919 + line)
            .append(" requirement").append(line % 97).append('\n');
      }
      Files.writeString(docs.resolve("s" + i + ".txt"), text);
    }
    disk.fillAllBut(256 * 1024);
    Path report = tmp.resolve("report.json");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    int status;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      status = Main.run("index", "--docs", docs.toString(), "--index", index.toString(), "--workers", "1",
          "--ocr", "off", "--report", report.toString());
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    String said = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);

    assertThat(status).isNotZero();
    assertThat(said).contains("disk holding the index is full").contains("No space left on device")
        .doesNotContain("this IndexWriter is closed").doesNotContain("\tat ");
    JsonNode written = new ObjectMapper().readTree(report.toFile());
    assertThat(written.at("/report/failure").asText()).contains("disk holding the index is full");
    assertThat(written.at("/report/files_seen").asInt()).isEqualTo(41);

    try (Directory dir = FSDirectory.open(index)) {
      Set<String> committed = new HashSet<>(SegmentInfos.readLatestCommit(dir).files(true));
      Set<String> present = new HashSet<>();
      try (Stream<Path> files = Files.list(index)) {
        files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
            .filter(n -> !n.equals("write.lock")).forEach(present::add);
      }
      assertThat(present).as("files of the index folder besides its last commit").isSubsetOf(committed);
    }
    disk.free();
    assertThat(Main.run("index", "--docs", docs.toString(), "--index", index.toString(), "--workers", "1",
        "--ocr", "off")).as("the next run, with room again, completes").isZero();
  }
}
