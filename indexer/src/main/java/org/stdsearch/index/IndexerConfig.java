package org.stdsearch.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.stdsearch.extract.ExtractionLimits;
import org.stdsearch.extract.ocr.OcrOptions;

/**
 * How to run the indexer.
 *
 * @param docs the folder of documents
 * @param index the index folder (created when missing)
 * @param workers parallel extraction workers (forked JVMs)
 * @param limits per-document bounds
 * @param tikaConfig a tika-config.xml for the workers, or null
 * @param taxonomy a technology-field taxonomy file, or null for {@code corpus/taxonomy.json}
 *     when present, else the bundled one
 * @param progress show a progress bar (on a terminal) or periodic log lines
 * @param ocr OCR mode, languages and cache for scanned documents and images
 * @param commitInterval time between commits during a run: what a crash can lose (the next run
 *     redoes it); each commit syncs the new segments to disk
 */
public record IndexerConfig(
    Path docs, Path index, int workers, ExtractionLimits limits, Path tikaConfig, Path taxonomy, boolean progress,
    OcrOptions ocr, Duration commitInterval) {

  /**
   * Thirty seconds for a batch run; a system property lets tests commit more often. Each commit
   * syncs the new segment files, which on a slow disk costs a noticeable share of a run of small
   * files, and a crash loses at most this much work, which the next run redoes.
   */
  public static final Duration DEFAULT_COMMIT_INTERVAL =
      Duration.ofSeconds(Integer.getInteger("stdsearch.commitIntervalSeconds", 30));

  public IndexerConfig {
    Objects.requireNonNull(docs, "docs");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(ocr, "ocr");
    Objects.requireNonNull(commitInterval, "commitInterval");
    if (commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException("commitInterval must be positive, was " + commitInterval);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
  }

  public static IndexerConfig of(Path docs, Path index) {
    return new IndexerConfig(docs, index, defaultWorkers(), ExtractionLimits.defaults(), null, null, false,
        OcrOptions.defaults().withCacheDir(OcrOptions.cacheOf(index)), DEFAULT_COMMIT_INTERVAL);
  }

  public static int defaultWorkers() {
    return Runtime.getRuntime().availableProcessors();
  }

  public IndexerConfig withWorkers(int n) {
    return new IndexerConfig(docs, index, n, limits, tikaConfig, taxonomy, progress, ocr, commitInterval);
  }

  public IndexerConfig withLimits(ExtractionLimits l) {
    return new IndexerConfig(docs, index, workers, l, tikaConfig, taxonomy, progress, ocr, commitInterval);
  }

  public IndexerConfig withTikaConfig(Path p) {
    return new IndexerConfig(docs, index, workers, limits, p, taxonomy, progress, ocr, commitInterval);
  }

  public IndexerConfig withTaxonomy(Path p) {
    return new IndexerConfig(docs, index, workers, limits, tikaConfig, p, progress, ocr, commitInterval);
  }

  public IndexerConfig withProgress(boolean p) {
    return new IndexerConfig(docs, index, workers, limits, tikaConfig, taxonomy, p, ocr, commitInterval);
  }

  public IndexerConfig withCommitInterval(Duration d) {
    return new IndexerConfig(docs, index, workers, limits, tikaConfig, taxonomy, progress, ocr, d);
  }

  public IndexerConfig withOcr(OcrOptions o) {
    return new IndexerConfig(docs, index, workers, limits, tikaConfig, taxonomy, progress, o, commitInterval);
  }
}
