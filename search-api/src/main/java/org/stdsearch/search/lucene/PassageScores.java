package org.stdsearch.search.lucene;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 over the passage's distinct matched terms, times the norm of its
 * start), computed without a term hash. {@link PassageScorer#score} builds a {@code BytesRefHash},
 * and with it a 32 KB byte block, for every candidate passage; a highlighted page of hits scores
 * thousands of candidates, and allocating and clearing those blocks was a large share of a
 * highlighted search's CPU (docs/benchmarks.md). A passage holds a handful of matches, so its
 * distinct terms are found by comparing each with those before it. The terms are summed in the
 * order the hash numbered them (first occurrence), so every score is the same float as Lucene's.
 */
final class PassageScores extends PassageScorer {
  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    // distinct[i]: index of the first match of the i-th distinct term
    int[] distinct = new int[matches];
    int[] freqInPassage = new int[matches];
    int size = 0;
    for (int m = 0; m < matches; m++) {
      int d = 0;
      while (d < size && !terms[distinct[d]].bytesEquals(terms[m])) {
        d++;
      }
      if (d == size) {
        distinct[size++] = m;
      }
      freqInPassage[d]++;
    }
    double score = 0;
    for (int d = 0; d < size; d++) {
      score += tf(freqInPassage[d], passage.getLength()) * weight(contentLength, freqsInDoc[distinct[d]]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }
}
