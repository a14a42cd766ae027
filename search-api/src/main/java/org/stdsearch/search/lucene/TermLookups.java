package org.stdsearch.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.stdsearch.search.internal.RecentlyUsed;

/**
 * The terms-dictionary entries of one reader's recently searched terms. Looking a term up in the
 * dictionary of every segment is the largest part of preparing a search, since a query of a few
 * words becomes tens of terms (fields, translations, pairs), and the same words come in search
 * after search. A query's term queries are handed their entries ({@link TermQuery#TermQuery(Term,
 * TermStates)}), so Lucene skips the look-ups; everything else in the query stays as it is. The
 * entries hold for as long as the reader is searched: a reader never changes.
 */
final class TermLookups {
  /** Terms remembered; an entry is about a hundred bytes per segment. */
  static final int CAPACITY = 8192;

  private final IndexSearcher searcher;
  private final RecentlyUsed<Term, TermStates> recent = new RecentlyUsed<>(CAPACITY);

  TermLookups(IndexReader reader) {
    this.searcher = new IndexSearcher(reader);
  }

  /** {@code query} with each of its term queries holding its terms-dictionary entries. */
  Query resolved(Query query) {
    return switch (query) {
      case TermQuery t -> new TermQuery(t.getTerm(), states(t.getTerm()));
      case BooleanQuery b -> {
        BooleanQuery.Builder out = new BooleanQuery.Builder()
            .setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
        for (BooleanClause c : b.clauses()) {
          out.add(resolved(c.query()), c.occur());
        }
        yield out.build();
      }
      case DisjunctionMaxQuery d -> {
        List<Query> out = new ArrayList<>();
        d.getDisjuncts().forEach(q -> out.add(resolved(q)));
        yield new DisjunctionMaxQuery(out, d.getTieBreakerMultiplier());
      }
      case BoostQuery b -> new BoostQuery(resolved(b.getQuery()), b.getBoost());
      case ConstantScoreQuery c -> new ConstantScoreQuery(resolved(c.getQuery()));
      default -> query;
    };
  }

  private TermStates states(Term term) {
    try {
      // with statistics: complete when built, read-only after
      return recent.get(term, t -> TermStates.build(searcher, t, true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
