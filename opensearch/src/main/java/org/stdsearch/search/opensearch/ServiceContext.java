package org.stdsearch.search.opensearch;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.stdsearch.opensearch.Cluster;

/**
 * What every operation of the service works with: the cluster, the query parser, labels, today, and
 * answers remembered while their index stays as it was (glossary translations from the terms index;
 * whether the titles and texts hold a word, for {@link DidYouMean}), and the hit records last read.
 */
record ServiceContext(Cluster cluster, Vocabulary vocabulary, QueryText parser, FieldLabels labels, Clock clock,
    IndexAnswers<Set<String>> glossaryCache, IndexAnswers<Boolean> knownWords, HitRecords hitRecords) {

  ServiceContext(Cluster cluster, Vocabulary vocabulary, QueryText parser, FieldLabels labels, Clock clock) {
    this(cluster, vocabulary, parser, labels, clock, new IndexAnswers<>(c -> c.layout().terms()),
        new IndexAnswers<>(c -> c.layout().standards()), new HitRecords());
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The glossary for the names of {@code q}: one request for what is not remembered. */
  Glossary glossary(String q) throws IOException {
    return Glossary.fetch(cluster, vocabulary, QueryWords.glossaryCandidates(q), glossaryCache);
  }
}
