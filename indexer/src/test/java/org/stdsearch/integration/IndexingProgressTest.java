package org.stdsearch.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.index.IndexWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.extract.ocr.Tesseract;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.index.IndexingProgress;

/**
 * A run tells how far it has got while it runs, files and then OCR pages, to whoever asks and in
 * its log: a long OCR pass is never silent (issue 18).
 */
class IndexingProgressTest {
  @TempDir Path tmp;

  @Test
  void aRunReportsFilesThenOcrPagesWhileItRunsAndNothingAfter() throws Exception {
    OcrOptions ocr = OcrOptions.defaults().withCacheDir(tmp.resolve("ocr-cache"));
    assumeTrue(Tesseract.onPath().detect(ocr.languages()).available(), "tesseract with chi_sim+eng not installed");
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Fixtures.scannedTextPdf(docs.resolve("scan.pdf"), tmp, new String[][] {
        {"GB/T 99004-2025", "个人信息安全规范"}, {"4 基本原则", "Quantum key distribution"}});
    for (int i = 0; i < 3; i++) {
      Fixtures.text(docs.resolve("plain-" + i + ".txt"), "A text standard number " + i + " about cloud computing.");
    }
    IndexerConfig config = IndexerConfig.of(docs, tmp.resolve("index")).withWorkers(1).withOcr(ocr)
        .withProgress(IndexerConfig.ProgressDisplay.LOG);
    Logger progressLog = (Logger) LoggerFactory.getLogger("org.stdsearch.index.Progress");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    progressLog.addAppender(logged);
    List<IndexingProgress.Snapshot> seen = new CopyOnWriteArrayList<>();

    try (Directory dir = FSDirectory.open(tmp.resolve("index")); IndexWriter writer = Indexer.openWriter(dir);
        Indexer indexer = new Indexer(config, writer)) {
      assertThat(indexer.progress()).as("no pass runs yet").isNull();
      AtomicBoolean running = new AtomicBoolean(true);
      Thread sampler = Thread.ofPlatform().start(() -> {
        while (running.get()) {
          IndexingProgress.Snapshot s = indexer.progress();
          if (s != null) {
            seen.add(s);
          }
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      try {
        indexer.run();
      } finally {
        running.set(false);
        sampler.join();
        progressLog.detachAppender(logged);
      }
      assertThat(indexer.progress()).as("the pass is over").isNull();
    }

    assertThat(seen).filteredOn(s -> s.phase().equals(IndexingProgress.FILES)).isNotEmpty()
        .allSatisfy(s -> {
          assertThat(s.filesTotal()).isEqualTo(4);
          assertThat(s.filesDone()).isBetween(0, 4);
        });
    List<IndexingProgress.Snapshot> ocrPhase = seen.stream().filter(s -> s.phase().equals(IndexingProgress.OCR)).toList();
    assertThat(ocrPhase).as("the OCR pass was seen").isNotEmpty().allSatisfy(s -> {
      assertThat(s.filesDone()).isEqualTo(4);
      assertThat(s.ocrDocumentsTotal()).isEqualTo(1);
      assertThat(s.ocrPagesTotal()).isEqualTo(2);
      assertThat(s.ocrPagesDone()).isBetween(0, 2);
    });
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i).filesDone()).isGreaterThanOrEqualTo(seen.get(i - 1).filesDone());
      assertThat(seen.get(i).ocrPagesDone()).isGreaterThanOrEqualTo(seen.get(i - 1).ocrPagesDone());
    }
    assertThat(ocrPhase.stream().map(IndexingProgress.Snapshot::ocrPagesDone).distinct().count())
        .as("pages were counted as they were recognised, not all at the end").isGreaterThan(1);
    List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines).contains("indexed 4 of 4 files (last: " + lastFile(lines) + ")")
        .contains("OCR pass: 1 document without a text layer, about 2 pages")
        .anyMatch(l -> l.matches("OCR: 2 of 2 pages \\(1 of 1 document\\)(, [0-9.]+ pages/s, about .+ left)?"));
  }

  private static String lastFile(List<String> lines) {
    return lines.stream().filter(l -> l.startsWith("indexed 4 of 4 files (last: ")).findFirst()
        .map(l -> l.substring("indexed 4 of 4 files (last: ".length(), l.length() - 1)).orElse("?");
  }
}
