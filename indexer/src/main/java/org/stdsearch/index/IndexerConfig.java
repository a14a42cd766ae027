package org.stdsearch.index;

import java.nio.file.Path;
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
 * @param progress how the run shows its progress (files, then OCR pages)
 * @param ocr OCR mode, languages and cache for scanned documents and images
 */
public record IndexerConfig(
    Path docs, Path index, int workers, ExtractionLimits limits, Path tikaConfig, Path taxonomy,
    ProgressDisplay progress, OcrOptions ocr) {

  /** How a run shows its progress. */
  public enum ProgressDisplay {
    /** Not at all (tests, single files). */
    OFF,
    /** A bar on a terminal, else a log line every 10 s ({@code index}). */
    AUTO,
    /** Log lines, never a bar: the output is shared with other log lines ({@code serve}). */
    LOG
  }

  public IndexerConfig {
    Objects.requireNonNull(docs, "docs");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(ocr, "ocr");
    Objects.requireNonNull(progress, "progress");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
  }

  public static IndexerConfig of(Path docs, Path index) {
    return new IndexerConfig(docs, index, defaultWorkers(), ExtractionLimits.defaults(), null, null, ProgressDisplay.OFF,
        OcrOptions.defaults().withCacheDir(OcrOptions.cacheBesideIndex(index)));
  }

  /** Most workers started by default: each is a JVM with up to a 1 GB heap. */
  public static final int MAX_DEFAULT_WORKERS = 4;
  /** The default stated by {@code index --help}, {@code serve --help} and the README alike. */
  public static final String DEFAULT_WORKERS_TEXT = "the number of processors, at most " + MAX_DEFAULT_WORKERS;

  /**
   * Extraction workers when none are asked for, the same for {@code index} and {@code serve}: one
   * per processor, at most {@link #MAX_DEFAULT_WORKERS} (more is a decision: {@code --workers}).
   */
  public static int defaultWorkers() {
    return Math.max(1, Math.min(MAX_DEFAULT_WORKERS, Runtime.getRuntime().availableProcessors()));
  }

  public IndexerConfig withWorkers(int n) {
    return new IndexerConfig(docs, index, n, limits, tikaConfig, taxonomy, progress, ocr);
  }

  public IndexerConfig withLimits(ExtractionLimits l) {
    return new IndexerConfig(docs, index, workers, l, tikaConfig, taxonomy, progress, ocr);
  }

  public IndexerConfig withTikaConfig(Path p) {
    return new IndexerConfig(docs, index, workers, limits, p, taxonomy, progress, ocr);
  }

  public IndexerConfig withTaxonomy(Path p) {
    return new IndexerConfig(docs, index, workers, limits, tikaConfig, p, progress, ocr);
  }

  public IndexerConfig withProgress(ProgressDisplay p) {
    return new IndexerConfig(docs, index, workers, limits, tikaConfig, taxonomy, p, ocr);
  }

  public IndexerConfig withOcr(OcrOptions o) {
    return new IndexerConfig(docs, index, workers, limits, tikaConfig, taxonomy, progress, o);
  }
}
