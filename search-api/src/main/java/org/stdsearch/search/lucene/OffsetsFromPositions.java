package org.stdsearch.search.lucene;

import java.io.IOException;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.stdsearch.index.PositionOffsets;
import org.stdsearch.index.Schema;

/**
 * One document's view of a segment in which the postings of {@link Schema#CONTENT} report offsets:
 * each position is looked up in the document's {@link PositionOffsets}, a bigram reaching to the
 * end of the next position. The highlighter reads offsets through it for that document only.
 */
final class OffsetsFromPositions extends FilterLeafReader {
  private final PositionOffsets offsets;

  OffsetsFromPositions(LeafReader in, PositionOffsets offsets) {
    super(in);
    this.offsets = offsets;
  }

  @Override
  public Terms terms(String field) throws IOException {
    Terms terms = super.terms(field);
    if (terms == null || !field.equals(Schema.CONTENT)) {
      return terms;
    }
    return new FilterTerms(terms) {
      @Override
      public TermsEnum iterator() throws IOException {
        return new FilterTermsEnum(in.iterator()) {
          @Override
          public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
            if (!PostingsEnum.featureRequested(flags, PostingsEnum.OFFSETS)) {
              return in.postings(reuse, flags);
            }
            int span = PositionOffsets.isBigram(term().utf8ToString()) ? 2 : 1;
            return new Mapped(in.postings(null, PostingsEnum.POSITIONS), offsets, span);
          }
        };
      }

      @Override
      public boolean hasOffsets() {
        return true;
      }
    };
  }

  @Override
  public CacheHelper getCoreCacheHelper() {
    return null; // a per-document view: nothing may be cached on it
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return null;
  }

  /** Positions of one term with the offsets its span of positions covers. */
  private static final class Mapped extends FilterPostingsEnum {
    private final PositionOffsets offsets;
    private final int span;
    private int position = -1;

    Mapped(PostingsEnum in, PositionOffsets offsets, int span) {
      super(in);
      this.offsets = offsets;
      this.span = span;
    }

    @Override
    public int nextPosition() throws IOException {
      return position = in.nextPosition();
    }

    @Override
    public int startOffset() {
      return offsets.start(position);
    }

    @Override
    public int endOffset() {
      int end = offsets.end(position + span - 1);
      return end >= 0 ? end : offsets.end(position);
    }
  }
}
