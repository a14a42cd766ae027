package org.stdsearch.index;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.NormsConsumer;
import org.apache.lucene.codecs.NormsFormat;
import org.apache.lucene.codecs.NormsProducer;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.codecs.StoredFieldsWriter;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfo;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;

/**
 * Lucene's default codec with two changes: stored fields are compressed with Zstandard level 6 in
 * chunks of 60 KB ({@link MarkedStoredFields}), and norms are written for every document of a
 * segment (0 where a document lacks the field), so they are read as a plain array instead of a
 * sparse list.
 *
 * <p>Why the stored fields: they are nearly all full text, which the highlighter decompresses
 * chunk by chunk for every hit it highlights, so the mode decides both the index's size and the cost
 * of every highlighted page. Lucene's best-compression mode (DEFLATE) is small but slow to read;
 * its default LZ4 is fast but large. Zstandard over chunks of this size is as small as DEFLATE and
 * reads about as fast as LZ4 (through JNI: the pure-Java implementations read markedly slower). The
 * level costs CPU when writing only: on the full text, level 6 takes 0.6 of level 9's time for 1%
 * more bytes, level 3 a fifth of it for 6% more (docs/benchmarks.md, "Index size per field" and
 * "Zstandard's level", has the figures).
 *
 * <p>Segments of the earlier modes (LZ4 high compression; Lucene's own before that) stay readable
 * and are rewritten in this mode when merged.
 *
 * <p>Why the norms: term entries are documents of their own, four for every standard, so the full-text
 * fields are on a fifth of the documents and their norms were stored sparse. Lucene's postings
 * writer reads a document's norm for every posting it writes (the impacts behind block-max
 * WAND), from a fresh norms iterator per term, and a sparse block is searched linearly from its
 * start: with millions of distinct token pairs that was a fifth of the indexing CPU, at every
 * flush and again in every merge (docs/benchmarks.md). A norm of 0 means "no tokens" to Lucene:
 * BM25 never stores it for a document with tokens and CheckIndex accepts it on documents without
 * the field, so scores are unchanged. Nothing here uses norms to find the documents that have a
 * field ({@code FieldExistsQuery} would).
 *
 * <p>Registered under {@link #NAME} (META-INF/services), so any reader with this module on its
 * class path opens the index; the files themselves are Lucene's own formats.
 */
public final class StdsearchCodec extends FilterCodec {
  public static final String NAME = "Stdsearch104";
  /** The stored-fields mode new segments are written in. */
  static final StoredMode STORED_MODE = StoredMode.ZSTD;
  /** Bytes of stored fields compressed together. */
  static final int CHUNK_SIZE = 60 * 1024;
  /** The compression level, in a mode that has levels. */
  static final int LEVEL = 6;
  /** The segment attribute naming the {@link StoredMode} of a segment's stored fields. */
  static final String STORED_MODE_KEY = "StdsearchStoredFields.mode";
  private final NormsFormat norms;
  private final StoredFieldsFormat storedFields;

  public StdsearchCodec() {
    // Not Codec.getDefault(): this constructor runs while Lucene's codec registry is loading.
    super(NAME, new Lucene104Codec());
    this.norms = new DenseNorms(delegate.normsFormat());
    this.storedFields = new MarkedStoredFields(delegate.storedFieldsFormat(), STORED_MODE, CHUNK_SIZE, LEVEL);
  }

  @Override
  public NormsFormat normsFormat() {
    return norms;
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }

  /**
   * Stored fields written in {@code mode} over chunks of {@code chunkSize} bytes (at {@code level}
   * where the mode has levels), read in any mode of {@link StoredMode} (and Lucene's own): what the
   * benchmarks use to price a mode on a copy.
   */
  public static StoredFieldsFormat storedFieldsFormat(StoredMode mode, int chunkSize, int level) {
    return new MarkedStoredFields(new Lucene104Codec().storedFieldsFormat(), mode, chunkSize, level);
  }

  /** The stored-fields modes of this codec, by the segment attribute value that marks them. */
  public enum StoredMode {
    /** LZ4 with the high-compression match finder, one block per chunk. */
    LZ4_HIGH_60K("StdsearchStoredFieldsLz4High", CompressionMode.FAST_DECOMPRESSION),
    /** Zstandard, one frame per chunk ({@link ZstdCompressionMode}). */
    ZSTD("StdsearchStoredFieldsZstd");

    private final String formatName;
    private final CompressionMode withoutLevels;

    StoredMode(String formatName) {
      this(formatName, null);
    }

    StoredMode(String formatName, CompressionMode withoutLevels) {
      this.formatName = formatName;
      this.withoutLevels = withoutLevels;
    }

    /** The format of this mode; chunk size and level matter to writing only. */
    StoredFieldsFormat format(int chunkSize, int level) {
      CompressionMode compression = withoutLevels != null ? withoutLevels : ZstdCompressionMode.atLevel(level);
      return new Lucene90CompressingStoredFieldsFormat(formatName, compression, chunkSize, 4096, 10);
    }
  }

  /**
   * Writes stored fields in one {@link StoredMode} and marks the segment so; reads a segment so
   * marked in its mode and any other (an index of an earlier schema, until it is rebuilt) with
   * Lucene's own format.
   */
  private static final class MarkedStoredFields extends StoredFieldsFormat {
    private final StoredFieldsFormat lucene;
    private final StoredMode mode;
    private final StoredFieldsFormat writing;

    MarkedStoredFields(StoredFieldsFormat lucene, StoredMode mode, int chunkSize, int level) {
      this.lucene = lucene;
      this.mode = mode;
      this.writing = mode.format(chunkSize, level);
    }

    @Override
    public StoredFieldsReader fieldsReader(Directory directory, SegmentInfo si, FieldInfos fn, IOContext context)
        throws IOException {
      String marked = si.getAttribute(STORED_MODE_KEY);
      StoredFieldsFormat format = marked == null ? lucene : modeNamed(marked, si).format(CHUNK_SIZE, LEVEL);
      return format.fieldsReader(directory, si, fn, context);
    }

    private static StoredMode modeNamed(String marked, SegmentInfo si) throws IOException {
      try {
        return StoredMode.valueOf(marked);
      } catch (IllegalArgumentException e) {
        throw new CorruptIndexException("stored fields in mode " + marked + ", unknown to this build", si.name);
      }
    }

    @Override
    public StoredFieldsWriter fieldsWriter(Directory directory, SegmentInfo si, IOContext context) throws IOException {
      si.putAttribute(STORED_MODE_KEY, mode.name());
      return writing.fieldsWriter(directory, si, context);
    }
  }

  /** Writes through {@code in}, with every document given a value; reads are {@code in}'s. */
  private static final class DenseNorms extends NormsFormat {
    private final NormsFormat in;

    DenseNorms(NormsFormat in) {
      this.in = in;
    }

    @Override
    public NormsConsumer normsConsumer(SegmentWriteState state) throws IOException {
      NormsConsumer out = in.normsConsumer(state);
      int maxDoc = state.segmentInfo.maxDoc();
      return new NormsConsumer() {
        @Override
        public void addNormsField(FieldInfo field, NormsProducer values) throws IOException {
          out.addNormsField(field, new NormsProducer() {
            @Override
            public NumericDocValues getNorms(FieldInfo f) throws IOException {
              return new EveryDocument(values.getNorms(f), maxDoc);
            }

            @Override
            public void checkIntegrity() throws IOException {
              values.checkIntegrity();
            }

            @Override
            public void close() throws IOException {
              values.close();
            }
          });
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }

    @Override
    public NormsProducer normsProducer(SegmentReadState state) throws IOException {
      return in.normsProducer(state);
    }
  }

  /**
   * The values of {@code in} for the documents that have one, 0 for every other document. Moves
   * {@code in} with {@code nextDoc} only: the norms of a segment being flushed support nothing else.
   */
  static final class EveryDocument extends NumericDocValues {
    private final NumericDocValues in;
    private final int maxDoc;
    private int doc = -1;

    EveryDocument(NumericDocValues in, int maxDoc) {
      this.in = in;
      this.maxDoc = maxDoc;
    }

    @Override
    public long longValue() throws IOException {
      return in.docID() == doc ? in.longValue() : 0;
    }

    @Override
    public boolean advanceExact(int target) throws IOException {
      doc = target;
      while (in.docID() < target) {
        in.nextDoc();
      }
      return true;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() throws IOException {
      return advance(doc + 1);
    }

    @Override
    public int advance(int target) throws IOException {
      if (target >= maxDoc) {
        return doc = DocIdSetIterator.NO_MORE_DOCS;
      }
      advanceExact(target);
      return doc;
    }

    @Override
    public long cost() {
      return maxDoc;
    }
  }
}
