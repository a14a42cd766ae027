package org.stdsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
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
 */
public final class LuceneSink implements StandardSink {
  private static final Logger log = LoggerFactory.getLogger(LuceneSink.class);

  private final IndexWriter writer;
  private final Taxonomy taxonomy;
  /** Set when this sink opened the index itself and so closes it. */
  private final Directory ownedDirectory;
  private SearcherManager searchers;

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
  public synchronized SearcherManager searchers() throws IOException {
    if (searchers == null) {
      searchers = new SearcherManager(writer, null);
    }
    return searchers;
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
    writer.updateDocuments(new Term(Schema.PATH, entry.path()),
        LuceneDocuments.build(entry.standard(), entry.fields(), taxonomy, entry.stateKey(), entry.modified()));
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
    SearcherManager s;
    synchronized (this) {
      s = searchers;
    }
    if (s != null) {
      s.maybeRefresh();
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
