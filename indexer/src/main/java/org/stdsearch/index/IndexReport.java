package org.stdsearch.index;

import java.util.List;
import java.util.Map;

/**
 * The outcome of an indexing run: what happened to every file, and how fast.
 *
 * @param filesSeen candidate files found below the docs root
 * @param indexed documents (re)indexed in this run
 * @param unchanged files skipped because their content and metadata had not changed
 * @param deleted documents removed because their file is gone
 * @param perStatus extraction status to count, over the documents (re)indexed in this run
 * @param perFormat detected MIME type to count, over the files seen
 * @param skipped files not indexed (unsupported type, link out of the root), with the reason
 * @param failures documents with status failed/encrypted (and others with a reason), with the reason
 * @param slowest the slowest extractions
 * @param seconds wall-clock duration of the run
 * @param bytes bytes of the (re)indexed files
 * @param extractSeconds summed extraction time over all workers
 * @param indexSeconds summed recognition + analysis + indexing time
 * @param documentsInIndex live standards in the index after the run; -1 when the run failed
 * @param ocr what the OCR pass did
 * @param failure why the run stopped before the end (the index could not be written), or null
 */
public record IndexReport(
    int filesSeen,
    int indexed,
    int unchanged,
    int deleted,
    Map<String, Integer> perStatus,
    Map<String, Integer> perFormat,
    List<FileOutcome> skipped,
    List<FileOutcome> failures,
    List<Timing> slowest,
    double seconds,
    long bytes,
    double extractSeconds,
    double indexSeconds,
    int documentsInIndex,
    Ocr ocr,
    String failure) {

  public IndexReport {
    perStatus = Map.copyOf(perStatus);
    perFormat = Map.copyOf(perFormat);
    skipped = List.copyOf(skipped);
    failures = List.copyOf(failures);
    slowest = List.copyOf(slowest);
  }

  /**
   * The OCR pass: documents and pages recognised, time per page, and the documents that stayed
   * unreadable (no text found, or failed).
   *
   * @param engine the OCR engine and its languages, or why OCR is unavailable
   */
  public record Ocr(String engine, int documents, int pages, double secondsPerPage, List<String> unreadable) {
    public Ocr {
      unreadable = List.copyOf(unreadable);
    }
  }

  /** One file's outcome with its reason. */
  public record FileOutcome(String path, String status, String type, String reason) {}

  /** Time spent on one file. */
  public record Timing(String path, long millis, String status) {}

  /** The report of a run that failed before anything about its files could be gathered. */
  static IndexReport failedRun(int filesSeen, double seconds, String failure) {
    return new IndexReport(filesSeen, 0, 0, 0, Map.of(), Map.of(), List.of(), List.of(), List.of(), seconds, 0, 0, 0,
        -1, new Ocr("n/a", 0, 0, 0, List.of()), failure);
  }

  public double docsPerSecond() {
    return seconds <= 0 ? 0 : indexed / seconds;
  }

  public double megabytesPerSecond() {
    return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
  }

  /** A human summary, as printed at the end of {@code index}. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    if (failure != null) {
      sb.append("FAILED: ").append(failure)
          .append("; the index is left as of its last commit, and the next run redoes the rest\n");
    }
    sb.append(String.format(java.util.Locale.ROOT,
        "files seen %d, indexed %d, unchanged %d, deleted %d, skipped %d; %s standards in the index%n",
        filesSeen, indexed, unchanged, deleted, skipped.size(), documentsInIndex < 0 ? "?" : documentsInIndex));
    sb.append(String.format(java.util.Locale.ROOT,
        "%.1f s, %.2f docs/s, %.2f MB/s (extraction %.1f s, recognition+indexing %.1f s, summed over workers)%n",
        seconds, docsPerSecond(), megabytesPerSecond(), extractSeconds, indexSeconds));
    sb.append("by status: ").append(new java.util.TreeMap<>(perStatus)).append('\n');
    sb.append("by format: ").append(new java.util.TreeMap<>(perFormat)).append('\n');
    if (ocr.documents() > 0 || !ocr.unreadable().isEmpty()) {
      sb.append(String.format(java.util.Locale.ROOT, "OCR (%s): %d documents, %d pages, %.1f s/page; unreadable: %s%n",
          ocr.engine(), ocr.documents(), ocr.pages(), ocr.secondsPerPage(), ocr.unreadable()));
    }
    if (!slowest.isEmpty()) {
      sb.append("slowest:\n");
      slowest.forEach(t -> sb.append(String.format(java.util.Locale.ROOT, "  %7d ms  %s (%s)%n", t.millis(), t.path(), t.status())));
    }
    if (!failures.isEmpty()) {
      sb.append("not fully indexed:\n");
      failures.forEach(f -> sb.append("  ").append(f.status()).append("  ").append(f.path()).append(": ").append(f.reason()).append('\n'));
    }
    List<FileOutcome> shown = skipped.stream().filter(f -> !FilePipeline.NOT_WRITTEN.equals(f.reason())).toList();
    if (shown.size() < skipped.size()) {
      sb.append(skipped.size() - shown.size()).append(" files left for the next run: ").append(FilePipeline.NOT_WRITTEN)
          .append('\n');
    }
    if (!shown.isEmpty()) {
      sb.append("skipped:\n");
      shown.forEach(f -> sb.append("  ").append(f.path()).append(" (").append(f.type()).append("): ").append(f.reason()).append('\n'));
    }
    return sb.toString();
  }
}
