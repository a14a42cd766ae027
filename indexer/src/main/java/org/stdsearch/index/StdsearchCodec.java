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
 * Lucene's default codec with two changes: stored fields are compressed with LZ4's high-compression
 * match finder in chunks of 60 KB ({@link FastReadStoredFields}), and norms are written for every
 * document of a segment (0 where a document lacks the field), so they are read as a plain array
 * instead of a sparse list.
 *
 * <p>Why the stored fields: they are nearly all full text, which the highlighter decompresses
 * whole for every hit it highlights. Lucene's default mode (LZ4 over 8 KB blocks with a preset
 * dictionary) keeps the text at 55% of its size; its best-compression mode (DEFLATE) at 32%, but
 * highlighting a page of hits then takes 1.8 times the CPU. LZ4 with the high-compression match
 * finder over whole 60 KB chunks keeps it at about 40% and decompresses faster than the default
 * (docs/benchmarks.md, "Index size per field").
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
  private final NormsFormat norms;
  private final StoredFieldsFormat storedFields;

  public StdsearchCodec() {
    // Not Codec.getDefault(): this constructor runs while Lucene's codec registry is loading.
    super(NAME, new Lucene104Codec());
    this.norms = new DenseNorms(delegate.normsFormat());
    this.storedFields = new FastReadStoredFields(delegate.storedFieldsFormat());
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
   * Writes stored fields with LZ4's high-compression match finder over whole 60 KB chunks and marks
   * the segment so; reads a segment so marked the same way and any other (an index of an earlier
   * schema, until it is rebuilt) with Lucene's own format.
   */
  private static final class FastReadStoredFields extends StoredFieldsFormat {
    static final String MODE_KEY = "StdsearchStoredFields.mode";
    static final String MODE = "LZ4_HIGH_60K";
    private final StoredFieldsFormat lucene;
    private final StoredFieldsFormat ours = new Lucene90CompressingStoredFieldsFormat(
        "StdsearchStoredFieldsLz4High", CompressionMode.FAST_DECOMPRESSION, 60 * 1024, 4096, 10);

    FastReadStoredFields(StoredFieldsFormat lucene) {
      this.lucene = lucene;
    }

    @Override
    public StoredFieldsReader fieldsReader(Directory directory, SegmentInfo si, FieldInfos fn, IOContext context)
        throws IOException {
      return (MODE.equals(si.getAttribute(MODE_KEY)) ? ours : lucene).fieldsReader(directory, si, fn, context);
    }

    @Override
    public StoredFieldsWriter fieldsWriter(Directory directory, SegmentInfo si, IOContext context) throws IOException {
      si.putAttribute(MODE_KEY, MODE);
      return ours.fieldsWriter(directory, si, context);
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
