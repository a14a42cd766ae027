package org.stdsearch.search.lucene;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.stdsearch.search.SearchBudget;

/**
 * Collectors that stop once a {@link SearchBudget} is spent: the current segment ends early
 * (Lucene's {@link CollectionTerminatedException}) and the next ones are skipped, so the search
 * answers with what it found. Unlike {@code IndexSearcher.setTimeout} this works for
 * drill-sideways too, whose scorer refuses the time-sliced windows the searcher's timeout needs:
 * without it a heavy query with facet filters would run unbounded.
 */
final class BudgetedCollectors<C extends Collector, T> implements CollectorManager<BudgetedCollectors.Budgeted<C>, T> {
  /** Documents collected between two looks at the clock. */
  static final int CHECK_EVERY = 64;

  private final CollectorManager<C, T> inner;
  private final SearchBudget budget;
  private volatile boolean stopped;

  private BudgetedCollectors(CollectorManager<C, T> inner, SearchBudget budget) {
    this.inner = inner;
    this.budget = budget;
  }

  static <C extends Collector, T> BudgetedCollectors<C, T> of(CollectorManager<C, T> inner, SearchBudget budget) {
    return new BudgetedCollectors<>(inner, budget);
  }

  /** Whether collection stopped before the end. */
  boolean stopped() {
    return stopped;
  }

  @Override
  public Budgeted<C> newCollector() throws IOException {
    return new Budgeted<>(inner.newCollector(), this);
  }

  @Override
  public T reduce(Collection<Budgeted<C>> collectors) throws IOException {
    List<C> unwrapped = collectors.stream().map(b -> b.inner).toList();
    return inner.reduce(unwrapped);
  }

  private void stop() {
    stopped = true;
    throw new CollectionTerminatedException();
  }

  /** One collector of the search, checking the budget as it goes. */
  static final class Budgeted<C extends Collector> implements Collector {
    final C inner;
    private final BudgetedCollectors<C, ?> manager;

    Budgeted(C inner, BudgetedCollectors<C, ?> manager) {
      this.inner = inner;
      this.manager = manager;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      if (manager.budget.exhausted()) {
        manager.stop();
      }
      return new FilterLeafCollector(inner.getLeafCollector(context)) {
        private int count;

        @Override
        public void collect(int doc) throws IOException {
          if (++count % CHECK_EVERY == 0 && manager.budget.exhausted()) {
            manager.stop();
          }
          super.collect(doc);
        }

        @Override
        public void collect(DocIdStream stream) throws IOException {
          if (manager.budget.exhausted()) {
            manager.stop();
          }
          in.collect(stream);
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return inner.scoreMode();
    }

    @Override
    public void setWeight(Weight weight) {
      inner.setWeight(weight);
    }
  }
}
