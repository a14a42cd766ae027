package org.stdsearch.search.lucene;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * Score multiplier: 0.5 for superseded or withdrawn standards, 1 otherwise, so an old edition
 * never outranks its current edition for the same text relevance.
 */
final class StatusPenalty extends DoubleValuesSource {
  static final double FACTOR = 0.5;
  private final ReaderState state;

  StatusPenalty(ReaderState state) {
    this.state = state;
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) {
    int base = ctx.docBase;
    return new DoubleValues() {
      private int doc;

      @Override
      public double doubleValue() {
        return state.demoted(base + doc) ? FACTOR : 1.0;
      }

      @Override
      public boolean advanceExact(int target) {
        doc = target;
        return true;
      }
    };
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return false;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(state);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof StatusPenalty other && other.state == state;
  }

  @Override
  public String toString() {
    return "status-penalty";
  }
}
