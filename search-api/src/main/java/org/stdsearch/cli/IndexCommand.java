package org.stdsearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.stdsearch.extract.ExtractionLimits;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.index.IndexReport;
import org.stdsearch.index.IndexerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code index}: one incremental indexing run over a folder of documents. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index a folder of standard documents (PDF, DOCX, DOC, ODT, RTF, HTML, XML/STS, TXT, EPUB).",
      "Incremental: unchanged files are skipped, changed ones re-indexed, removed ones deleted."
    })
final class IndexCommand implements Callable<Integer> {

  @Option(names = "--docs", required = true, paramLabel = "DIR", description = "Folder of documents, walked recursively.")
  Path docs;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index folder (created when missing).")
  Path index;

  @Option(names = "--workers", paramLabel = "N",
      description = "Parallel extraction workers, each a forked JVM (default: number of processors).")
  Integer workers;

  @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
  Path report;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "Per-document extraction time limit; the worker is killed past it (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--worker-heap", paramLabel = "MB", defaultValue = "1024",
      description = "Heap of each extraction worker: a parse needing more fails that document only (default: ${DEFAULT-VALUE}).")
  int workerHeapMb;

  @Option(names = "--max-chars", paramLabel = "N", defaultValue = "20000000",
      description = "Cap on extracted characters per document; reaching it marks the document truncated (default: ${DEFAULT-VALUE}).")
  int maxChars;

  @Option(names = "--tika-config", paramLabel = "FILE", description = "A tika-config.xml for the extraction workers.")
  Path tikaConfig;

  @Option(names = "--ocr", paramLabel = "auto|off|force", defaultValue = "auto",
      description = {"OCR of scanned PDFs and images with Tesseract (default: ${DEFAULT-VALUE}): auto = pages without a",
        "usable text layer, when tesseract is on PATH; force = every PDF page; off = never."})
  String ocr;

  @Option(names = "--ocr-languages", paramLabel = "LANGS", defaultValue = OcrOptions.DEFAULT_LANGUAGES,
      description = "Tesseract languages (default: ${DEFAULT-VALUE}).")
  String ocrLanguages;

  @Option(names = "--taxonomy", paramLabel = "FILE",
      description = "Technology-field taxonomy (default: corpus/taxonomy.json when present, else the bundled one).")
  Path taxonomy;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(docs)) {
      throw new IllegalArgumentException("--docs is not a folder: " + docs);
    }
    ExtractionLimits limits = ExtractionLimits.defaults()
        .withTimeout(Duration.ofSeconds(timeoutSeconds))
        .withWorkerHeapMb(workerHeapMb)
        .withMaxChars(maxChars);
    IndexerConfig config = IndexerConfig.of(docs, index)
        .withWorkers(workers == null ? IndexerConfig.defaultWorkers() : workers)
        .withLimits(limits)
        .withTikaConfig(tikaConfig)
        .withTaxonomy(taxonomy)
        .withProgress(true)
        .withOcr(OcrOptions.defaults().withMode(OcrMode.fromId(ocr)).withLanguages(ocrLanguages)
            .withCacheDir(OcrOptions.cacheBesideIndex(index)));
    IndexReport result = Backends.index(config);
    System.out.print(result.summary());
    if (report != null) {
      writeJson(report, result);
    }
    return 0;
  }

  private static void writeJson(Path file, IndexReport report) throws java.io.IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(file.toFile(), new ReportJson(report));
  }

  /** The report plus its derived rates, as written by {@code --report}. */
  record ReportJson(IndexReport report, double docsPerSecond, double megabytesPerSecond) {
    ReportJson(IndexReport report) {
      this(report, report.docsPerSecond(), report.megabytesPerSecond());
    }
  }
}
