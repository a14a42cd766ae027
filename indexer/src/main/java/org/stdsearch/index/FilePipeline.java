package org.stdsearch.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.tika.mime.MediaType;
import org.stdsearch.classify.ClassificationInput;
import org.stdsearch.classify.FieldAssignment;
import org.stdsearch.classify.FieldClassifier;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.DocumentTypes;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.extract.ExtractionStatus;
import org.stdsearch.extract.ForkedExtractor;
import org.stdsearch.extract.ocr.PageOcr;
import org.stdsearch.recognise.RecognisedStandard;
import org.stdsearch.recognise.Sidecars;
import org.stdsearch.recognise.StandardRecogniser;

/**
 * One file's way through the pipeline: state check → detect type → extract (forked worker) →
 * recognise → classify → {@link StandardSink}. Every problem with the document becomes a {@link
 * Result} with its reason; only a failure of the sink itself escapes.
 */
final class FilePipeline {
  /** Appended to the state key of a document waiting for OCR: never "unchanged" on the next run. */
  static final String PENDING_SUFFIX = "+ocr-pending";

  /**
   * A file modified within this long before it was read is not trusted by its modification time:
   * a second change within the file system's time resolution would leave the time unchanged (the
   * "racy git" problem), so such a file is hashed again on the next pass.
   */
  static final long RACY_MILLIS = 2_000;

  /** Why the files after a failure to write the index were left for the next run. */
  static final String NOT_WRITTEN = "not indexed: the index could not be written";

  private final ForkedExtractor extractor;
  private final DocumentTypes types = new DocumentTypes();
  private final StandardRecogniser recogniser = new StandardRecogniser();
  private final Taxonomy taxonomy;
  private final FieldClassifier classifier;
  private final StandardSink sink;
  /** The first failure of the sink; after it no file is processed (they wait for the next run). */
  private volatile Throwable writeFailure;

  FilePipeline(ForkedExtractor extractor, Taxonomy taxonomy, StandardSink sink) {
    this.extractor = extractor;
    this.taxonomy = taxonomy;
    this.classifier = new FieldClassifier(taxonomy);
    this.sink = sink;
  }

  /** What happened to one file in a run; {@code ocr} is set when it waits for the OCR pass. */
  record Result(Kind kind, String path, String mime, ExtractionStatus status, String reason,
      long bytes, long extractMillis, long indexMillis, OcrJob ocr, Map<String, List<String>> metadata) {
    enum Kind { INDEXED, UNCHANGED, SKIPPED }

    static Result skipped(String path, String mime, String reason) {
      return new Result(Kind.SKIPPED, path, mime, null, reason, 0, 0, 0, null, Map.of());
    }
  }

  /** A document queued for the OCR pass, with what its first pass already computed. */
  record OcrJob(Path file, String relativePath, String hash, long size, long modified, String mime,
      String stateKey, int pages) {}

  /** The modification time to record for a file read at {@code readAt}, or {@link IndexedFile#NO_STAMP}. */
  static long stamp(long modified, long readAt) {
    return modified <= readAt - RACY_MILLIS ? modified : IndexedFile.NO_STAMP;
  }

  /** The first failure to write to the sink, or null. */
  Throwable writeFailure() {
    return writeFailure;
  }

  /** Forgets a failure (a new run over a sink that was reopened). */
  void clearWriteFailure() {
    writeFailure = null;
  }

  Result process(Path root, DocumentWalker.Candidate c, Map<String, IndexedFile> existing, Sidecars sidecars) {
    if (writeFailure != null) {
      return Result.skipped(c.relativePath(), "unknown", NOT_WRITTEN);
    }
    if (c.refusal() != null) {
      return Result.skipped(c.relativePath(), "unknown", c.refusal());
    }
    long size;
    long modified;
    String hash;
    MediaType type;
    String stateKey;
    try {
      // The time is read before the content: a change while hashing makes the next pass hash again.
      BasicFileAttributes attrs = Files.readAttributes(c.file(), BasicFileAttributes.class);
      size = attrs.size();
      modified = stamp(attrs.lastModifiedTime().toMillis(), System.currentTimeMillis());
      IndexedFile indexed = existing.get(c.relativePath());
      // A file with the size and time it was indexed with is not read at all: hashing every file
      // of a large folder would dominate the pass after each start.
      boolean sameFile = indexed != null && indexed.sameFile(size, modified);
      hash = sameFile ? indexed.hash() : sha256(c.file());
      // Unchanged files are recognised before type detection, the costliest step of a pass over
      // an unchanged folder (and one that competes with the first searches after a restart).
      stateKey = hash + sidecars.fingerprint(c.file());
      if (indexed != null && stateKey.equals(indexed.stateKey())) {
        if (!sameFile && modified != IndexedFile.NO_STAMP) {
          // Same content, new time (a copy, a touch): record the time so the next pass skips it.
          touch(c.relativePath(), modified);
        }
        return new Result(Result.Kind.UNCHANGED, c.relativePath(), indexed.mime(), null, null, 0, 0, 0, null,
            Map.of());
      }
      type = types.detect(c.file());
    } catch (IOException e) {
      return Result.skipped(c.relativePath(), "unknown", "unreadable: " + e.getClass().getSimpleName());
    }
    String mime = type.getBaseType().toString();
    if (!types.isSupported(type) && !extractor.readsImages(mime)) {
      return Result.skipped(c.relativePath(), mime, "unsupported type " + mime);
    }
    try {
      ExtractedDocument extracted = extractor.extract(root, c.file(), hash, size, mime);
      if (extractor.wantsOcr(extracted)) {
        // Indexed now by what is known (file name, sidecar), replaced by the OCR pass. The state
        // key marks it pending, so a run killed before OCR finishes redoes the file.
        ExtractedDocument pending = extracted.withStatus(ExtractionStatus.OCR_PENDING,
            "queued for OCR: " + extracted.reason());
        long indexMillis = write(pending, c.file(), sidecars, stateKey + PENDING_SUFFIX, modified);
        // Only the unreadable pages of a document whose other pages have a text layer (issue 15).
        OcrJob job = new OcrJob(c.file(), c.relativePath(), hash, size, modified, mime, stateKey,
            extractor.pagesToRecognise(extracted));
        return new Result(Result.Kind.INDEXED, c.relativePath(), pending.mimeType(), pending.status(),
            pending.reason(), size, extracted.extractMillis(), indexMillis, job, pending.metadata());
      }
      long indexMillis = write(extracted, c.file(), sidecars, stateKey, modified);
      return new Result(Result.Kind.INDEXED, c.relativePath(), extracted.mimeType(), extracted.status(),
          extracted.reason(), size, extracted.extractMillis(), indexMillis, null, extracted.metadata());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The OCR pass for one document: recognise its page images, then replace its pending entry. */
  Result recognisePages(Path root, OcrJob job, Sidecars sidecars) {
    return recognisePages(root, job, sidecars, (page, pages) -> { });
  }

  /** As {@link #recognisePages(Path, OcrJob, Sidecars)}, telling {@code pages} after each page. */
  Result recognisePages(Path root, OcrJob job, Sidecars sidecars, PageOcr.PageListener pages) {
    try {
      ExtractedDocument recognised = extractor.ocr(root, job.file(), job.hash(), job.size(), job.mime(), pages);
      long indexMillis = write(recognised, job.file(), sidecars, job.stateKey(), job.modified());
      return new Result(Result.Kind.INDEXED, job.relativePath(), recognised.mimeType(), recognised.status(),
          recognised.reason(), job.size(), recognised.extractMillis(), indexMillis, null, recognised.metadata());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Recognises, classifies and writes one extraction under its path; returns the time taken. */
  private long write(ExtractedDocument extracted, Path file, Sidecars sidecars, String stateKey, long modified) {
    long start = System.nanoTime();
    RecognisedStandard standard = recogniser.recognise(extracted, file, sidecars);
    IndexEntry entry = new IndexEntry(standard, classify(standard), stateKey, modified);
    try {
      sink.write(entry);
    } catch (IOException | IllegalStateException e) {
      throw writeFailed(e);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private void touch(String path, long modified) {
    try {
      sink.touch(path, modified);
    } catch (IOException | IllegalStateException e) {
      throw writeFailed(e);
    }
  }

  /**
   * Records the sink's failure (an I/O error, a full disk; a closed writer is its consequence) and
   * says it as the exception that stops the file's task.
   */
  private UncheckedIOException writeFailed(Exception e) {
    if (writeFailure == null) {
      writeFailure = e;
    }
    return new UncheckedIOException("writing the index failed: " + IndexWriteException.describe(e),
        e instanceof IOException io ? io : new IOException(e));
  }

  private List<FieldAssignment> classify(RecognisedStandard s) {
    if (!s.declaredFields().isEmpty()) {
      return s.declaredFields().stream()
          .filter(id -> taxonomy.field(id).isPresent())
          .map(id -> new FieldAssignment(id, 1.0))
          .toList();
    }
    List<String> terms = new ArrayList<>();
    s.terms().forEach(t -> {
      if (t.termZh() != null) terms.add(t.termZh());
      if (t.termEn() != null) terms.add(t.termEn());
    });
    return classifier.classify(new ClassificationInput(
        s.titleZh(), s.titleEn(), s.document().text(), s.ics(), s.ccs(), terms));
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
