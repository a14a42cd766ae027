package org.stdsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.classify.Taxonomy;

/**
 * The embedded Lucene index as a {@link StandardSink}: each standard becomes the documents of
 * {@link LuceneDocuments}, written with {@code updateDocuments} under its path. The incremental
 * state is in the index itself (doc values of path, state key, size and modification time), so it
 * is exactly as durable as the last commit: Lucene commits are atomic, and a run killed at any
 * moment resumes from the last one.
 *
 * <p>For the server, {@link #searchers()} gives near-real-time searchers over the same writer.
 * After a failed write (a full disk) {@link #rollback} drops what was written since the last
 * commit, files included, and {@link #reopen} opens a new writer there once the disk takes data
 * again; the searchers follow it.
 */
public final class LuceneSink implements StandardSink {
  private static final Logger log = LoggerFactory.getLogger(LuceneSink.class);

  /** Bytes of the test write that tells whether the disk takes data again. */
  static final int PROBE_BYTES = 1 << 20;

  private volatile IndexWriter writer;
  private final Taxonomy taxonomy;
  /**
   * Documents inverted at once, one per core. Lucene inverts a document on the thread that adds
   * it, into an in-memory segment of that thread's own; the pipeline runs more threads than cores
   * (one waits on an extraction worker while another writes), and letting them all invert at once
   * only adds in-memory segments, flushed smaller and merged again later, and contention.
   */
  private final Semaphore inverting = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
  /** Set when this sink opened the index itself and so closes it. */
  private final Directory ownedDirectory;
  private NrtSearchers searchers;

  private LuceneSink(IndexWriter writer, Taxonomy taxonomy, Directory ownedDirectory) {
    this.writer = writer;
    this.taxonomy = taxonomy;
    this.ownedDirectory = ownedDirectory;
  }

  /** Opens (or creates) the index in {@code indexDir}; closing the sink commits and closes it. */
  public static LuceneSink open(Path indexDir, Taxonomy taxonomy) throws IOException {
    Files.createDirectories(indexDir);
    Directory dir = FSDirectory.open(indexDir);
    try {
      return new LuceneSink(openWriter(dir), taxonomy, dir);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** Writes through a writer the caller owns (and closes). */
  public static LuceneSink over(IndexWriter writer, Taxonomy taxonomy) {
    return new LuceneSink(writer, taxonomy, null);
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
   * Near-real-time searchers over this sink's writer: they see writes at the next {@link
   * #refresh}, before any commit. Created on first call; closed with the sink.
   */
  public synchronized ReferenceManager<IndexSearcher> searchers() throws IOException {
    if (searchers == null) {
      searchers = new NrtSearchers(writer);
    }
    return searchers;
  }

  @Override
  public IndexedFile indexedFile(String path) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        var postings = leaf.reader().postings(new Term(Schema.PATH, path));
        if (postings == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
          SortedSetDocValues hashes = DocValues.getSortedSet(leaf.reader(), Schema.HASH);
          if ((live != null && !live.get(doc)) || !hashes.advanceExact(doc)) {
            continue; // a term entry of the standard, or a replaced version
          }
          SortedSetDocValues mimes = DocValues.getSortedSet(leaf.reader(), Schema.MIME);
          SortedNumericDocValues sizes = DocValues.getSortedNumeric(leaf.reader(), Schema.SIZE);
          NumericDocValues modified = DocValues.getNumeric(leaf.reader(), Schema.FILE_MODIFIED);
          return new IndexedFile(hashes.lookupOrd(hashes.nextOrd()).utf8ToString(),
              mimes.advanceExact(doc) ? mimes.lookupOrd(mimes.nextOrd()).utf8ToString() : "unknown",
              sizes.advanceExact(doc) ? sizes.nextValue() : -1,
              modified.advanceExact(doc) ? modified.longValue() : IndexedFile.NO_STAMP);
        }
      }
    }
    return null;
  }

  @Override
  public Map<String, IndexedFile> indexedFiles() throws IOException {
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
          long stamp = modified.advanceExact(doc) ? modified.longValue() : IndexedFile.NO_STAMP;
          state.put(pathNames[(int) paths.nextOrd()],
              new IndexedFile(hashNames[(int) hashes.nextOrd()], mime, size, stamp));
        }
      }
    }
    return state;
  }

  @Override
  public void write(IndexEntry entry) throws IOException {
    var documents = LuceneDocuments.build(entry.standard(), entry.fields(), taxonomy, entry.stateKey(),
        entry.modified());
    inverting.acquireUninterruptibly();
    try {
      writer.updateDocuments(new Term(Schema.PATH, entry.path()), documents);
    } finally {
      inverting.release();
    }
  }

  @Override
  public void touch(String path, long modified) throws IOException {
    writer.updateNumericDocValue(new Term(Schema.PATH, path), Schema.FILE_MODIFIED, modified);
  }

  @Override
  public void delete(String path) throws IOException {
    writer.deleteDocuments(new Term(Schema.PATH, path));
  }

  @Override
  public void commit() throws IOException {
    writer.commit();
  }

  @Override
  public synchronized void refresh() throws IOException {
    if (searchers != null) {
      searchers.maybeRefreshBlocking();
    }
  }

  @Override
  public void refreshIfIdle() throws IOException {
    NrtSearchers s;
    synchronized (this) {
      s = searchers;
    }
    if (s != null) {
      s.maybeRefresh();
    }
  }

  /**
   * Rolls the writer back to the last commit and deletes the files no commit refers to: Lucene
   * does that after a rollback, but not when a failed flush has already closed the writer.
   * Searches go on: a searcher's open files stay readable after deletion until it is replaced.
   */
  @Override
  public synchronized void rollback() throws IOException {
    writer.rollback();
    dropUncommittedFiles(writer.getDirectory());
  }

  /** Deletes the files of {@code dir} that its last commit does not refer to. */
  public static void dropUncommittedFiles(Directory dir) throws IOException {
    // Opening a writer deletes them; rolling it back at once writes nothing.
    IndexWriterConfig iwc = new IndexWriterConfig(Schema.indexAnalyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setCommitOnClose(false);
    new IndexWriter(dir, iwc).rollback();
  }

  /**
   * After {@link #rollback}: a 1 MB test write first (it throws while the disk is still full), then
   * a new writer at the last commit, which the searchers follow from their next refresh.
   */
  @Override
  public synchronized void reopen() throws IOException {
    if (ownedDirectory == null) {
      throw new UnsupportedOperationException("a sink over a caller's writer cannot reopen it");
    }
    probeWrite(ownedDirectory);
    if (writer.isOpen()) {
      writer.rollback();
    }
    writer = openWriter(ownedDirectory);
    if (searchers != null) {
      searchers.follow(writer);
    }
  }

  private static void probeWrite(Directory dir) throws IOException {
    String name = null;
    try (IndexOutput out = dir.createTempOutput("probe", "disk", IOContext.DEFAULT)) {
      name = out.getName();
      byte[] block = new byte[8192];
      for (int written = 0; written < PROBE_BYTES; written += block.length) {
        out.writeBytes(block, block.length);
      }
    } finally {
      if (name != null) {
        try {
          dir.deleteFile(name);
        } catch (IOException e) {
          log.debug("removing the probe file failed: {}", e.toString());
        }
      }
    }
  }

  @Override
  public int standards() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      return reader.docFreq(new Term(Schema.KIND, Schema.KIND_STANDARD)) - deletedStandards(reader);
    }
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

  /** Closes the searchers, then (when this sink opened it) the writer, which commits, and the directory. */
  @Override
  public synchronized void close() throws IOException {
    try {
      if (searchers != null) {
        searchers.close();
      }
    } finally {
      if (ownedDirectory != null) {
        try {
          writer.close();
        } finally {
          ownedDirectory.close();
        }
      }
    }
  }
}
