package org.stdsearch.search.opensearch;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.stdsearch.opensearch.Cluster;

/** What every operation of the service works with: the cluster, the query parser, labels, today. */
record ServiceContext(Cluster cluster, Vocabulary vocabulary, QueryText parser, FieldLabels labels, Clock clock,
    Glossary.Cache glossaryCache) {

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The glossary for the names of {@code q}: one request for what is not remembered. */
  Glossary glossary(String q) throws IOException {
    return Glossary.fetch(cluster, vocabulary, QueryWords.glossaryCandidates(q), glossaryCache);
  }
}
