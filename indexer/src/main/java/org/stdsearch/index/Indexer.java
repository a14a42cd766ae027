package org.stdsearch.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.stdsearch.classify.FieldAssignment;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.ForkedExtractor;
import org.stdsearch.recognise.RecognisedStandard;
import org.stdsearch.recognise.Sidecars;

/**
 * The indexer's front door: a folder of documents in, an up-to-date {@link StandardSink} and a
 * report out.
 *
 * <p>Each file flows one way through the {@link FilePipeline} (hash → detect type → extract →
 * recognise → classify → sink). Runs are incremental against the sink's own state: unchanged
 * files (same content and sidecar) are skipped, changed ones replaced, removed ones deleted.
 * Progress is committed by a {@link CommitSchedule}; documents without a text layer wait for the
 * {@link OcrPass}. The embedded Lucene index ({@link LuceneSink}) is the default sink.
 */
public final class Indexer implements AutoCloseable {
  private final IndexerConfig config;
  private final StandardSink sink;
  private final ForkedExtractor extractor;
  private final FilePipeline pipeline;

  /** Indexes into {@code sink}, which the caller owns (and closes). */
  public Indexer(IndexerConfig config, StandardSink sink, Taxonomy taxonomy) {
    this.config = config;
    this.sink = sink;
    this.extractor = new ForkedExtractor(config.workers(), config.limits(), config.tikaConfig(), config.ocr());
    this.pipeline = new FilePipeline(extractor, taxonomy, sink);
  }

  /** Indexes into the embedded Lucene index through a writer the caller owns. */
  public Indexer(IndexerConfig config, IndexWriter writer) {
    this(config, writer, Taxonomy.loadOrBundled(config.taxonomy()));
  }

  /** As {@link #Indexer(IndexerConfig, IndexWriter)} with the taxonomy of {@code config} already loaded. */
  public Indexer(IndexerConfig config, IndexWriter writer, Taxonomy taxonomy) {
    this(config, LuceneSink.over(writer, taxonomy), taxonomy);
  }

  /** Opens (or creates) the Lucene index in {@code config.index()}, runs once, commits and closes. */
  public static IndexReport indexFolder(IndexerConfig config) throws IOException, InterruptedException {
    Taxonomy taxonomy = Taxonomy.loadOrBundled(config.taxonomy());
    try (LuceneSink sink = LuceneSink.open(config.index(), taxonomy);
        Indexer indexer = new Indexer(config, sink, taxonomy)) {
      return indexer.run();
    }
  }

  /** A writer for the embedded index: {@link LuceneSink#openWriter}. */
  public static IndexWriter openWriter(Directory dir) throws IOException {
    return LuceneSink.openWriter(dir);
  }

  /**
   * One incremental pass over the docs folder, committed at the end. Documents without a text
   * layer are written as {@code ocr_pending} first and recognised in a second pass, so OCR never
   * holds up the text documents.
   */
  public IndexReport run() throws IOException, InterruptedException {
    long start = System.nanoTime();
    Path root = config.docs().toRealPath();
    List<DocumentWalker.Candidate> candidates = DocumentWalker.walk(root);
    Map<String, IndexedFile> existing = sink.indexedFiles();
    Sidecars sidecars = Sidecars.load(root);
    Map<String, FilePipeline.Result> results = new ConcurrentHashMap<>();

    Progress progress = Progress.start(config.progress(), candidates.size());
    CommitSchedule commits = CommitSchedule.start(sink);
    int deleted;
    // Twice as many pipeline threads as extraction workers: while one thread analyses and writes
    // a document, another already waits on the worker with the next one.
    try (ExecutorService pool = Executors.newFixedThreadPool(2 * config.workers())) {
      awaitAll(candidates.stream().map(c -> pool.submit(() -> {
        results.put(c.relativePath(), pipeline.process(root, c, existing, sidecars));
        progress.step(c.relativePath());
        return (Object) null;
      })).toList());
      progress.close();
      deleted = deleteMissing(existing, results);
      sink.commit(); // text documents are searchable before the OCR pass starts
      awaitAll(OcrPass.submit(pool, pipeline, root, sidecars, results));
    } finally {
      commits.close();
      progress.close();
    }
    sink.commit();
    OcrPass.pruneCache(config.ocr(), sink.indexedFiles().values());
    double seconds = (System.nanoTime() - start) / 1e9;
    List<FilePipeline.Result> all = List.copyOf(results.values());
    return RunReport.of(candidates.size(), all, deleted, seconds, sink.standards(),
        OcrPass.summary(config.ocr(), extractor, all));
  }

  /** Deletes what is indexed for files gone from the folder or no longer indexable; returns how many. */
  private int deleteMissing(Map<String, IndexedFile> existing, Map<String, FilePipeline.Result> results)
      throws IOException {
    int deleted = 0;
    for (String path : existing.keySet()) {
      FilePipeline.Result r = results.get(path);
      if (r == null || r.kind() == FilePipeline.Result.Kind.SKIPPED) {
        sink.delete(path);
        deleted++;
      }
    }
    return deleted;
  }

  private static void awaitAll(List<Future<Object>> futures) throws IOException, InterruptedException {
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        // The pipeline turns every document problem into a result; this is a bug or an I/O
        // failure of the sink itself, which must stop the run.
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
    FilePipeline.Result r = pipeline.process(root, c, Map.of(), sidecars);
    if (r.ocr() != null) {
      r = pipeline.recognisePages(root, r.ocr(), sidecars);
    }
    return new IndexReport.FileOutcome(c.relativePath(), r.status() == null ? "skipped" : r.status().id(), r.mime(),
        r.reason());
  }

  /**
   * Writes a standard that is already recognised and classified (catalogue imports, benchmarks,
   * search tests), replacing whatever was indexed under its path. Does not commit.
   */
  public void add(RecognisedStandard standard, List<FieldAssignment> fields) throws IOException {
    sink.write(new IndexEntry(standard, fields, standard.document().contentHash(), IndexedFile.NO_STAMP));
  }

  /** Removes the document at {@code relativePath} (and its term entries). Does not commit. */
  public void delete(String relativePath) throws IOException {
    sink.delete(relativePath);
  }

  @Override
  public void close() {
    extractor.close();
  }
}
