package org.stdsearch.search.lucene;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * Matches a set of documents given as a bit set over top-level doc ids: the status filter, whose
 * values are computed per reader and per day rather than indexed. Never cached (identity equality).
 */
final class DocSetQuery extends Query {
  private final FixedBitSet docs;
  private final String description;

  DocSetQuery(FixedBitSet docs, String description) {
    this.docs = docs;
    this.description = description;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) {
        int base = context.docBase;
        int maxDoc = context.reader().maxDoc();
        DocIdSetIterator it = new DocIdSetIterator() {
          private int doc = -1;

          @Override
          public int docID() {
            return doc;
          }

          @Override
          public int nextDoc() {
            return advance(doc + 1);
          }

          @Override
          public int advance(int target) {
            int top = base + target;
            if (target >= maxDoc || top >= docs.length()) {
              return doc = NO_MORE_DOCS;
            }
            int next = docs.nextSetBit(top);
            return doc = (next == NO_MORE_DOCS || next - base >= maxDoc) ? NO_MORE_DOCS : next - base;
          }

          @Override
          public long cost() {
            return maxDoc;
          }
        };
        Scorer scorer = new ConstantScoreScorer(score(), scoreMode, it);
        return new DefaultScorerSupplier(scorer);
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  @Override
  public String toString(String field) {
    return "docset(" + description + ")";
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
