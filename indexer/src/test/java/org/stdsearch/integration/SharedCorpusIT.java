package org.stdsearch.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.extract.Paths;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.index.IndexReport;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;

/**
 * One run over all of {@code ../shared/corpus} (rfc, w3c, cn, sts, intl, hostile): it finishes,
 * lists every file as indexed or skipped with a reason, and no hostile file stops it. Runs only
 * when the shared corpus is present; the report lands in {@code target/shared-corpus-report.json}.
 */
class SharedCorpusIT {
  @TempDir Path tmp;

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES) // a stall detector, not a performance assertion
  void indexesTheWholeSharedCorpusAndAccountsForEveryFile() throws Exception {
    Path corpus = Path.of(System.getProperty("stdsearch.sharedCorpus", "../shared/corpus"));
    assumeTrue(Files.isDirectory(corpus), "shared corpus not present: " + corpus);

    // OCR off: this run is about extraction surviving every file; OCR of the ~400 scanned pages
    // is measured on its own (OcrCorpusMeasurementIT) and would take half an hour here.
    IndexReport report = Indexer.indexFolder(IndexerConfig.of(corpus, tmp.resolve("index")).withWorkers(2)
        .withOcr(OcrOptions.defaults().withMode(OcrMode.OFF)));

    Path out = Path.of("target/shared-corpus-report.json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
    System.out.println(report.summary());

    Set<String> files = new HashSet<>();
    Path root = corpus.toRealPath();
    try (var walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().endsWith(".meta.json"))
          .forEach(p -> files.add(Paths.relative(root, p)));
    }
    assertThat(report.filesSeen()).isEqualTo(files.size());
    assertThat(report.indexed() + report.skipped().size()).isEqualTo(files.size());
    assertThat(report.documentsInIndex()).isEqualTo(report.indexed());
    assertThat(report.failures()).allSatisfy(f -> assertThat(f.reason()).isNotBlank().doesNotContain(root.toString()));
    assertThat(report.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    // Every kind of real document gets through; hostile files end up with a status, not a crash.
    assertThat(report.perStatus().get("ok")).isGreaterThan(files.size() / 2);
    assertThat(report.failures()).anySatisfy(f -> assertThat(f.path()).startsWith("hostile/"));
  }
}
