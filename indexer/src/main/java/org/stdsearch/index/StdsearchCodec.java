package org.stdsearch.index;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.NormsConsumer;
import org.apache.lucene.codecs.NormsFormat;
import org.apache.lucene.codecs.NormsProducer;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Lucene's default codec with stored fields in its best-compression mode (DEFLATE), and norms
 * written for every document of a segment (0 where a document lacks the field), so they are read
 * as a plain array instead of a sparse list.
 *
 * <p>Why best compression: the stored fields are nearly all full text, which only the highlighter,
 * the text view and "similar" read (hits read their record from doc values); DEFLATE stores it in
 * a little over half the bytes of the default LZ4 mode, and costs a few hundred microseconds more
 * per highlighted hit (docs/benchmarks.md has both figures).
 *
 * <p>Why: term entries are documents of their own, four for every standard, so the full-text
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

  public StdsearchCodec() {
    // Not Codec.getDefault(): this constructor runs while Lucene's codec registry is loading.
    super(NAME, new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
    this.norms = new DenseNorms(delegate.normsFormat());
  }

  @Override
  public NormsFormat normsFormat() {
    return norms;
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
