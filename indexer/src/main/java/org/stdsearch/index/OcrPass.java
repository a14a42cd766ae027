package org.stdsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.extract.ExtractionStatus;
import org.stdsearch.extract.ForkedExtractor;
import org.stdsearch.extract.ocr.OcrCache;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.recognise.Sidecars;

/**
 * The second pass of a run: documents without a text layer were written as {@code ocr_pending}
 * by the first pass and are recognised here, so OCR never holds up the text documents. Also owns
 * the OCR cache's upkeep and the OCR section of the report.
 */
final class OcrPass {
  private static final Logger log = LoggerFactory.getLogger(OcrPass.class);

  private OcrPass() {}

  /** Submits the queued documents to {@code pool}; each result replaces its first-pass one in {@code results}. */
  static List<Future<Object>> submit(ExecutorService pool, FilePipeline pipeline, Path root, Sidecars sidecars,
      Map<String, FilePipeline.Result> results) {
    List<FilePipeline.OcrJob> jobs = results.values().stream().map(FilePipeline.Result::ocr)
        .filter(Objects::nonNull).toList();
    if (!jobs.isEmpty()) {
      log.info("OCR pass: {} documents without a text layer", jobs.size());
    }
    return jobs.stream().map(job -> pool.submit(() -> {
      results.put(job.relativePath(), pipeline.recognisePages(root, job, sidecars));
      return (Object) null;
    })).toList();
  }

  /**
   * Drops the recognised pages of files no longer in the index (deleted, or changed to other
   * content): the cache beside the index would otherwise only grow. Renamed and unchanged files
   * keep theirs, since the cache is keyed by content.
   */
  static void pruneCache(OcrOptions options, Collection<IndexedFile> indexedFiles) throws IOException {
    if (options.cacheDir() == null || !Files.isDirectory(options.cacheDir())) {
      return;
    }
    Set<String> indexed = new HashSet<>();
    indexedFiles.forEach(f -> indexed.add(f.hash()));
    int removed = new OcrCache(options.cacheDir()).retainOnly(indexed);
    if (removed > 0) {
      log.info("OCR cache: removed the pages of {} files no longer in the index", removed);
    }
  }

  /** Pages and time from the OCR metadata of the documents the OCR pass handled. */
  static IndexReport.Ocr summary(OcrOptions options, ForkedExtractor extractor, Collection<FilePipeline.Result> results) {
    var installation = extractor.ocrInstallation();
    String engine = options.mode() == OcrMode.OFF ? "off"
        : installation.available() ? "tesseract " + installation.version() + " " + options.languages()
        : "unavailable: " + installation.problem();
    int documents = 0;
    int pages = 0;
    double seconds = 0;
    List<String> unreadable = new ArrayList<>();
    for (FilePipeline.Result r : results) {
      String pageShare = first(r.metadata(), "X-Stdsearch:ocr-pages");
      if (pageShare == null) {
        continue;
      }
      int total = Integer.parseInt(pageShare.substring(pageShare.indexOf('/') + 1));
      String perPage = first(r.metadata(), "X-Stdsearch:ocr-seconds-per-page");
      pages += total;
      seconds += perPage == null ? 0 : Double.parseDouble(perPage) * total;
      if (r.status() == ExtractionStatus.OCR) {
        documents++;
      } else {
        unreadable.add(r.path() + ": " + r.reason());
      }
    }
    java.util.Collections.sort(unreadable);
    return new IndexReport.Ocr(engine, documents, pages, pages == 0 ? 0 : seconds / pages, unreadable);
  }

  private static String first(Map<String, List<String>> metadata, String name) {
    List<String> values = metadata == null ? null : metadata.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
