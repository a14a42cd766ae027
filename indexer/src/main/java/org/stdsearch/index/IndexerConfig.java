package org.stdsearch.index;

import java.nio.file.Path;
import java.util.Objects;
import org.stdsearch.extract.ExtractionLimits;

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
 */
public record IndexerConfig(
    Path docs, Path index, int workers, ExtractionLimits limits, Path tikaConfig, Path taxonomy, boolean progress) {

  public IndexerConfig {
    Objects.requireNonNull(docs, "docs");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(limits, "limits");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
  }

  public static IndexerConfig of(Path docs, Path index) {
    return new IndexerConfig(docs, index, defaultWorkers(), ExtractionLimits.defaults(), null, null, false);
  }

  public static int defaultWorkers() {
    return Runtime.getRuntime().availableProcessors();
  }

  public IndexerConfig withWorkers(int n) {
    return new IndexerConfig(docs, index, n, limits, tikaConfig, taxonomy, progress);
  }

  public IndexerConfig withLimits(ExtractionLimits l) {
    return new IndexerConfig(docs, index, workers, l, tikaConfig, taxonomy, progress);
  }

  public IndexerConfig withTikaConfig(Path p) {
    return new IndexerConfig(docs, index, workers, limits, p, taxonomy, progress);
  }

  public IndexerConfig withTaxonomy(Path p) {
    return new IndexerConfig(docs, index, workers, limits, tikaConfig, p, progress);
  }

  public IndexerConfig withProgress(boolean p) {
    return new IndexerConfig(docs, index, workers, limits, tikaConfig, taxonomy, p);
  }
}
