package org.stdsearch.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stdsearch.extract.ExtractionStatus;

/** Sums the per-file results of a run into its {@link IndexReport}. */
final class RunReport {
  private static final int SLOWEST = 10;

  private RunReport() {}

  static IndexReport of(int seen, List<FilePipeline.Result> results, int deleted, double seconds, int standards,
      IndexReport.Ocr ocr) {
    Map<String, Integer> perStatus = new HashMap<>();
    Map<String, Integer> perFormat = new HashMap<>();
    List<IndexReport.FileOutcome> skipped = new ArrayList<>();
    List<IndexReport.FileOutcome> failures = new ArrayList<>();
    int indexed = 0;
    int unchanged = 0;
    long bytes = 0;
    long extractMillis = 0;
    long indexMillis = 0;
    for (FilePipeline.Result r : results) {
      perFormat.merge(r.mime(), 1, Integer::sum);
      switch (r.kind()) {
        case SKIPPED -> skipped.add(new IndexReport.FileOutcome(r.path(), "skipped", r.mime(), r.reason()));
        case UNCHANGED -> unchanged++;
        case INDEXED -> {
          indexed++;
          bytes += r.bytes();
          extractMillis += r.extractMillis();
          indexMillis += r.indexMillis();
          perStatus.merge(r.status().id(), 1, Integer::sum);
          if (r.status() != ExtractionStatus.OK && r.status() != ExtractionStatus.OCR) {
            failures.add(new IndexReport.FileOutcome(r.path(), r.status().id(), r.mime(), r.reason()));
          }
        }
      }
    }
    List<IndexReport.Timing> slowest = results.stream()
        .filter(r -> r.kind() == FilePipeline.Result.Kind.INDEXED)
        .sorted(Comparator.comparingLong(FilePipeline.Result::extractMillis).reversed())
        .limit(SLOWEST)
        .map(r -> new IndexReport.Timing(r.path(), r.extractMillis(), r.status().id()))
        .toList();
    skipped.sort(Comparator.comparing(IndexReport.FileOutcome::path));
    failures.sort(Comparator.comparing(IndexReport.FileOutcome::path));
    return new IndexReport(seen, indexed, unchanged, deleted, perStatus, perFormat, skipped, failures, slowest,
        seconds, bytes, extractMillis / 1000.0, indexMillis / 1000.0, standards, ocr);
  }
}
