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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.tika.mime.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.classify.ClassificationInput;
import org.stdsearch.classify.FieldAssignment;
import org.stdsearch.classify.FieldClassifier;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.DocumentTypes;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.extract.ExtractionStatus;
import org.stdsearch.extract.ForkedExtractor;
import org.stdsearch.extract.ocr.OcrCache;
import org.stdsearch.recognise.RecognisedStandard;
import org.stdsearch.recognise.Sidecars;
import org.stdsearch.recognise.StandardRecogniser;

/**
 * The indexer's front door: a folder of documents in, an up-to-date Lucene index and a report out.
 *
 * <p>Each file flows one way: hash → detect type → extract (forked worker) → recognise →
 * classify → Lucene documents, written with {@code updateDocuments} under the file's path. Runs
 * are incremental: unchanged files (same content and sidecar) are skipped, changed ones replaced,
 * removed ones deleted. Progress is committed every {@link #COMMIT_INTERVAL_SECONDS} seconds:
 * Lucene commits are atomic, so a run killed at any moment leaves the last commit, and the next
 * run redoes whatever came after it — replacing by path means no duplicates.
 */
public final class Indexer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Indexer.class);
  /** Seconds between commits during a run; a system property lets tests commit more often. */
  static final int COMMIT_INTERVAL_SECONDS = Integer.getInteger("stdsearch.commitIntervalSeconds", 30);
  private static final int SLOWEST = 10;
  /** Appended to the state key of a document waiting for OCR: never "unchanged" on the next run. */
  private static final String PENDING_SUFFIX = "+ocr-pending";

  private final IndexerConfig config;
  private final IndexWriter writer;
  private final ForkedExtractor extractor;
  private final DocumentTypes types = new DocumentTypes();
  private final StandardRecogniser recogniser = new StandardRecogniser();
  private final Taxonomy taxonomy;
  private final FieldClassifier classifier;

  /** Indexes with a writer the caller owns (the server shares its writer with its searchers). */
  public Indexer(IndexerConfig config, IndexWriter writer) {
    this(config, writer, Taxonomy.loadOrBundled(config.taxonomy()));
  }

  /** As {@link #Indexer(IndexerConfig, IndexWriter)} with the taxonomy of {@code config} already loaded. */
  public Indexer(IndexerConfig config, IndexWriter writer, Taxonomy taxonomy) {
    this.config = config;
    this.writer = writer;
    this.extractor = new ForkedExtractor(config.workers(), config.limits(), config.tikaConfig(), config.ocr());
    this.taxonomy = taxonomy;
    this.classifier = new FieldClassifier(taxonomy);
  }

  /** Opens (or creates) the index in {@code config.index()}, runs once, commits and closes. */
  public static IndexReport indexFolder(IndexerConfig config) throws IOException, InterruptedException {
    Files.createDirectories(config.index());
    try (Directory dir = FSDirectory.open(config.index());
        IndexWriter writer = openWriter(dir);
        Indexer indexer = new Indexer(config, writer)) {
      return indexer.run();
    }
  }

  /**
   * A writer with the schema's analyzers, appending to an existing index or creating one. An
   * index written with another {@link Schema#VERSION} is started afresh (the next run re-indexes
   * every file): reading it with this layout would find no text to highlight.
   */
  public static IndexWriter openWriter(Directory dir) throws IOException {
    IndexWriterConfig iwc = new IndexWriterConfig(Schema.indexAnalyzer());
    iwc.setCodec(new StdsearchCodec());
    String found = DirectoryReader.indexExists(dir)
        ? SegmentInfos.readLatestCommit(dir).getUserData().get(Schema.VERSION_KEY) : Schema.VERSION;
    if (!Schema.VERSION.equals(found)) {
      log.warn("the index was written with schema {} and this build writes schema {}: rebuilding it",
          found == null ? "1" : found, Schema.VERSION);
    }
    iwc.setOpenMode(Schema.VERSION.equals(found) ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
        : IndexWriterConfig.OpenMode.CREATE);
    // Large standards are tens of MB of text: a bigger buffer means fewer, larger flushes.
    iwc.setRAMBufferSizeMB(128);
    // Lever not pulled: forceMerge(1) after a run would speed up searches a little on a static
    // corpus but rewrites the whole index each time; the tiered merge policy is enough.
    IndexWriter writer = new IndexWriter(dir, iwc);
    writer.setLiveCommitData(Map.of(Schema.VERSION_KEY, Schema.VERSION).entrySet());
    return writer;
  }

  /**
   * One incremental pass over the docs folder, committed at the end. Documents without a text
   * layer are indexed as {@code ocr_pending} first and recognised in a second pass, so OCR never
   * holds up the text documents.
   */
  public IndexReport run() throws IOException, InterruptedException {
    long start = System.nanoTime();
    Path root = config.docs().toRealPath();
    List<DocumentWalker.Candidate> candidates = DocumentWalker.walk(root);
    Map<String, IndexedFile> existing = indexedState();
    Sidecars sidecars = Sidecars.load(root);
    Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    Progress progress = Progress.start(config.progress(), candidates.size());
    ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "index-committer");
      t.setDaemon(true);
      return t;
    });
    committer.scheduleWithFixedDelay(this::commitQuietly, COMMIT_INTERVAL_SECONDS, COMMIT_INTERVAL_SECONDS, TimeUnit.SECONDS);
    int deleted;
    // Twice as many pipeline threads as extraction workers: while one thread analyses and writes
    // a document, another already waits on the worker with the next one.
    try (ExecutorService pool = Executors.newFixedThreadPool(2 * config.workers())) {
      awaitAll(candidates.stream().map(c -> pool.submit(() -> {
        outcomes.put(c.relativePath(), process(root, c, existing, sidecars));
        progress.step(c.relativePath());
        return null;
      })).toList());
      progress.close();

      deleted = 0;
      for (String path : existing.keySet()) {
        Outcome o = outcomes.get(path);
        if (o == null || o.kind() == Outcome.Kind.SKIPPED) {
          writer.deleteDocuments(new Term(Schema.PATH, path));
          deleted++;
        }
      }
      writer.commit(); // text documents are searchable before the OCR pass starts

      List<OcrJob> jobs = outcomes.values().stream().map(Outcome::ocr).filter(java.util.Objects::nonNull).toList();
      if (!jobs.isEmpty()) {
        log.info("OCR pass: {} documents without a text layer", jobs.size());
      }
      awaitAll(jobs.stream().map(job -> pool.submit(() -> {
        outcomes.put(job.relativePath(), recognisePages(root, job, sidecars));
        return null;
      })).toList());
    } finally {
      stopCommitter(committer);
      progress.close();
    }
    writer.commit();
    pruneOcrCache();
    double seconds = (System.nanoTime() - start) / 1e9;
    return report(candidates.size(), List.copyOf(outcomes.values()), deleted, seconds);
  }

  /**
   * Drops the recognised pages of files no longer in the index (deleted, or changed to other
   * content): the cache beside the index would otherwise only grow. Renamed and unchanged files
   * keep theirs, since the cache is keyed by content.
   */
  private void pruneOcrCache() throws IOException {
    if (config.ocr().cacheDir() == null || !Files.isDirectory(config.ocr().cacheDir())) {
      return;
    }
    java.util.Set<String> indexed = new java.util.HashSet<>();
    indexedState().values().forEach(f -> indexed.add(f.hash()));
    int removed = new OcrCache(config.ocr().cacheDir()).retainOnly(indexed);
    if (removed > 0) {
      log.info("OCR cache: removed the pages of {} files no longer in the index", removed);
    }
  }

  /**
   * Stops the periodic commits without interrupting one in progress: an interrupt during a
   * commit closes Lucene's file channels (ClosedByInterruptException) and with them the writer.
   */
  private static void stopCommitter(ScheduledExecutorService committer) throws InterruptedException {
    committer.shutdown();
    if (!committer.awaitTermination(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("a periodic commit did not finish within 10 minutes");
    }
  }

  private static void awaitAll(List<Future<Object>> futures) throws IOException, InterruptedException {
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        // process() turns every document problem into an outcome; this is a bug or an I/O
        // failure of the index itself, which must stop the run.
        throw new IOException("indexing failed: " + e.getCause(), e.getCause());
      }
    }
  }

  /**
   * Indexes or re-indexes one file below the docs root now (folder watcher, upload). Returns the
   * outcome; does not commit.
   */
  public IndexReport.FileOutcome indexFile(Path file) throws IOException, InterruptedException {
    Path root = config.docs().toRealPath();
    Path real = file.toRealPath();
    if (!real.startsWith(root)) {
      throw new IllegalArgumentException("not below the docs folder: " + file.getFileName());
    }
    DocumentWalker.Candidate c = new DocumentWalker.Candidate(real, org.stdsearch.extract.Paths.relative(root, real), null);
    Sidecars sidecars = Sidecars.load(root);
    Outcome o = process(root, c, Map.of(), sidecars);
    if (o.ocr() != null) {
      o = recognisePages(root, o.ocr(), sidecars);
    }
    return new IndexReport.FileOutcome(c.relativePath(), o.status() == null ? "skipped" : o.status().id(), o.mime(), o.reason());
  }

  /**
   * Writes a standard that is already recognised and classified (catalogue imports, benchmarks,
   * search tests), replacing whatever was indexed under its path. Does not commit.
   */
  public void add(RecognisedStandard standard, List<FieldAssignment> fields) throws IOException {
    String path = standard.document().relativePath();
    writer.updateDocuments(new Term(Schema.PATH, path),
        LuceneDocuments.build(standard, fields, taxonomy, standard.document().contentHash(), NO_STAMP));
  }

  /** Removes the document at {@code relativePath} (and its term entries). Does not commit. */
  public void delete(String relativePath) throws IOException {
    writer.deleteDocuments(new Term(Schema.PATH, relativePath));
  }

  /**
   * What the index holds for a file: its state key (content hash + sidecar fingerprint), type,
   * size and modification time ({@link #NO_STAMP} when not trusted, see {@link #stamp}).
   */
  record IndexedFile(String stateKey, String mime, long size, long modified) {
    /** The content hash at the start of the state key (SHA-256, hex). */
    String hash() {
      return stateKey.substring(0, Math.min(stateKey.length(), 64));
    }

    /** Same size and modification time as when it was indexed: the content is taken as unchanged. */
    boolean sameFile(long size, long modified) {
      return this.modified != NO_STAMP && this.modified == modified && this.size == size;
    }
  }

  /** No trusted modification time: the file is hashed on the next pass. */
  static final long NO_STAMP = Long.MIN_VALUE;

  /**
   * A file modified within this long before it was read is not trusted by its modification time:
   * a second change within the file system's time resolution would leave the time unchanged (the
   * "racy git" problem), so such a file is hashed again on the next pass.
   */
  static final long RACY_MILLIS = 2_000;

  /** The modification time to record for a file read at {@code readAt}, or {@link #NO_STAMP}. */
  static long stamp(long modified, long readAt) {
    return modified <= readAt - RACY_MILLIS ? modified : NO_STAMP;
  }

  /** Path → what is indexed for it, read from doc values of the live documents. */
  Map<String, IndexedFile> indexedState() throws IOException {
    Map<String, IndexedFile> state = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        SortedSetDocValues hashes = leaf.reader().getSortedSetDocValues(Schema.HASH);
        SortedSetDocValues paths = leaf.reader().getSortedSetDocValues(Schema.PATH);
        SortedSetDocValues mimes = leaf.reader().getSortedSetDocValues(Schema.MIME);
        if (hashes == null || paths == null) {
          continue;
        }
        SortedNumericDocValues sizes = DocValues.getSortedNumeric(leaf.reader(), Schema.SIZE);
        NumericDocValues modified = DocValues.getNumeric(leaf.reader(), Schema.FILE_MODIFIED);
        String[] hashNames = Schema.valuesByOrd(hashes);
        String[] pathNames = Schema.valuesByOrd(paths);
        String[] mimeNames = mimes == null ? new String[0] : Schema.valuesByOrd(mimes);
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = hashes.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = hashes.nextDoc()) {
          if ((live != null && !live.get(doc)) || !paths.advanceExact(doc)) {
            continue;
          }
          String mime = mimes != null && mimes.advanceExact(doc) ? mimeNames[(int) mimes.nextOrd()] : "unknown";
          long size = sizes.advanceExact(doc) ? sizes.nextValue() : -1;
          long stamp = modified.advanceExact(doc) ? modified.longValue() : NO_STAMP;
          state.put(pathNames[(int) paths.nextOrd()], new IndexedFile(hashNames[(int) hashes.nextOrd()], mime, size, stamp));
        }
      }
    }
    return state;
  }

  private Outcome process(Path root, DocumentWalker.Candidate c, Map<String, IndexedFile> existing, Sidecars sidecars) {
    if (c.refusal() != null) {
      return Outcome.skipped(c.relativePath(), "unknown", c.refusal());
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
      // of a large folder was most of the CPU of the pass after each start (7 GB at 100,000).
      boolean sameFile = indexed != null && indexed.sameFile(size, modified);
      hash = sameFile ? indexed.hash() : sha256(c.file());
      // Unchanged files are recognised before type detection, which was ~85% of the CPU of a
      // pass over an unchanged folder (and competes with the first searches after a restart).
      stateKey = hash + sidecars.fingerprint(c.file());
      if (indexed != null && stateKey.equals(indexed.stateKey())) {
        if (!sameFile && modified != NO_STAMP) {
          // Same content, new time (a copy, a touch): record the time so the next pass skips it.
          writer.updateNumericDocValue(new Term(Schema.PATH, c.relativePath()), Schema.FILE_MODIFIED, modified);
        }
        return new Outcome(Outcome.Kind.UNCHANGED, c.relativePath(), indexed.mime(), null, null, 0, 0, 0, null,
            Map.of());
      }
      type = types.detect(c.file());
    } catch (IOException e) {
      return Outcome.skipped(c.relativePath(), "unknown", "unreadable: " + e.getClass().getSimpleName());
    }
    String mime = type.getBaseType().toString();
    if (!types.isSupported(type) && !extractor.readsImages(mime)) {
      return Outcome.skipped(c.relativePath(), mime, "unsupported type " + mime);
    }
    try {
      ExtractedDocument extracted = extractor.extract(root, c.file(), hash, size, mime);
      if (extractor.wantsOcr(extracted)) {
        // Indexed now by what is known (file name, sidecar), replaced by the OCR pass. The state
        // key marks it pending, so a run killed before OCR finishes redoes the file.
        ExtractedDocument pending = extracted.withStatus(ExtractionStatus.OCR_PENDING,
            "queued for OCR: " + extracted.reason());
        long indexMillis = write(pending, c.file(), sidecars, stateKey + PENDING_SUFFIX, modified);
        OcrJob job = new OcrJob(c.file(), c.relativePath(), hash, size, modified, mime, stateKey);
        return new Outcome(Outcome.Kind.INDEXED, c.relativePath(), pending.mimeType(), pending.status(),
            pending.reason(), size, extracted.extractMillis(), indexMillis, job, pending.metadata());
      }
      long indexMillis = write(extracted, c.file(), sidecars, stateKey, modified);
      return new Outcome(Outcome.Kind.INDEXED, c.relativePath(), extracted.mimeType(), extracted.status(),
          extracted.reason(), size, extracted.extractMillis(), indexMillis, null, extracted.metadata());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The OCR pass for one document: recognise its page images, then replace its pending entry. */
  private Outcome recognisePages(Path root, OcrJob job, Sidecars sidecars) {
    try {
      ExtractedDocument recognised = extractor.ocr(root, job.file(), job.hash(), job.size(), job.mime());
      long indexMillis = write(recognised, job.file(), sidecars, job.stateKey(), job.modified());
      return new Outcome(Outcome.Kind.INDEXED, job.relativePath(), recognised.mimeType(), recognised.status(),
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
    List<FieldAssignment> fields = classify(standard);
    try {
      writer.updateDocuments(new Term(Schema.PATH, extracted.relativePath()),
          LuceneDocuments.build(standard, fields, taxonomy, stateKey, modified));
    } catch (IOException e) {
      throw new UncheckedIOException("writing the index failed", e);
    }
    return (System.nanoTime() - start) / 1_000_000;
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

  private void commitQuietly() {
    try {
      writer.commit();
    } catch (IOException | RuntimeException e) {
      log.error("periodic commit failed (the final commit will retry): {}", e.toString());
    }
  }

  private IndexReport report(int seen, List<Outcome> outcomes, int deleted, double seconds) throws IOException {
    Map<String, Integer> perStatus = new HashMap<>();
    Map<String, Integer> perFormat = new HashMap<>();
    List<IndexReport.FileOutcome> skipped = new ArrayList<>();
    List<IndexReport.FileOutcome> failures = new ArrayList<>();
    int indexed = 0;
    int unchanged = 0;
    long bytes = 0;
    long extractMillis = 0;
    long indexMillis = 0;
    for (Outcome o : outcomes) {
      perFormat.merge(o.mime(), 1, Integer::sum);
      switch (o.kind()) {
        case SKIPPED -> skipped.add(new IndexReport.FileOutcome(o.path(), "skipped", o.mime(), o.reason()));
        case UNCHANGED -> unchanged++;
        case INDEXED -> {
          indexed++;
          bytes += o.bytes();
          extractMillis += o.extractMillis();
          indexMillis += o.indexMillis();
          perStatus.merge(o.status().id(), 1, Integer::sum);
          if (o.status() != ExtractionStatus.OK && o.status() != ExtractionStatus.OCR) {
            failures.add(new IndexReport.FileOutcome(o.path(), o.status().id(), o.mime(), o.reason()));
          }
        }
      }
    }
    List<IndexReport.Timing> slowest = outcomes.stream()
        .filter(o -> o.kind() == Outcome.Kind.INDEXED)
        .sorted(Comparator.comparingLong(Outcome::extractMillis).reversed())
        .limit(SLOWEST)
        .map(o -> new IndexReport.Timing(o.path(), o.extractMillis(), o.status().id()))
        .toList();
    skipped.sort(Comparator.comparing(IndexReport.FileOutcome::path));
    failures.sort(Comparator.comparing(IndexReport.FileOutcome::path));
    int live;
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      live = reader.docFreq(new Term(Schema.KIND, Schema.KIND_STANDARD));
      live -= deletedStandards(reader);
    }
    return new IndexReport(seen, indexed, unchanged, deleted, perStatus, perFormat, skipped, failures, slowest,
        seconds, bytes, extractMillis / 1000.0, indexMillis / 1000.0, live, ocrSummary(outcomes));
  }

  /** Pages and time from the OCR metadata of the documents the OCR pass handled. */
  private IndexReport.Ocr ocrSummary(List<Outcome> outcomes) {
    var installation = extractor.ocrInstallation();
    String engine = config.ocr().mode() == org.stdsearch.extract.ocr.OcrMode.OFF ? "off"
        : installation.available() ? "tesseract " + installation.version() + " " + config.ocr().languages()
        : "unavailable: " + installation.problem();
    int documents = 0;
    int pages = 0;
    double seconds = 0;
    List<String> unreadable = new ArrayList<>();
    for (Outcome o : outcomes) {
      String pageShare = first(o.metadata(), "X-Stdsearch:ocr-pages");
      if (pageShare == null) {
        continue;
      }
      int total = Integer.parseInt(pageShare.substring(pageShare.indexOf('/') + 1));
      String perPage = first(o.metadata(), "X-Stdsearch:ocr-seconds-per-page");
      pages += total;
      seconds += perPage == null ? 0 : Double.parseDouble(perPage) * total;
      if (o.status() == ExtractionStatus.OCR) {
        documents++;
      } else {
        unreadable.add(o.path() + ": " + o.reason());
      }
    }
    java.util.Collections.sort(unreadable);
    return new IndexReport.Ocr(engine, documents, pages, pages == 0 ? 0 : seconds / pages, unreadable);
  }

  private static String first(Map<String, List<String>> metadata, String name) {
    List<String> values = metadata == null ? null : metadata.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** docFreq counts deleted documents until merged away; subtract them for an exact count. */
  private static int deletedStandards(DirectoryReader reader) throws IOException {
    int deleted = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      if (live == null) {
        continue;
      }
      var postings = leaf.reader().postings(new Term(Schema.KIND, Schema.KIND_STANDARD));
      if (postings == null) {
        continue;
      }
      for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
        if (!live.get(d)) {
          deleted++;
        }
      }
    }
    return deleted;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public void close() {
    extractor.close();
  }

  /** What happened to one file in a run; {@code ocr} is set when it waits for the OCR pass. */
  private record Outcome(Kind kind, String path, String mime, ExtractionStatus status, String reason,
      long bytes, long extractMillis, long indexMillis, OcrJob ocr, Map<String, List<String>> metadata) {
    enum Kind { INDEXED, UNCHANGED, SKIPPED }

    static Outcome skipped(String path, String mime, String reason) {
      return new Outcome(Kind.SKIPPED, path, mime, null, reason, 0, 0, 0, null, Map.of());
    }
  }

  /** A document queued for the OCR pass, with what its first pass already computed. */
  private record OcrJob(Path file, String relativePath, String hash, long size, long modified, String mime,
      String stateKey) {}
}
