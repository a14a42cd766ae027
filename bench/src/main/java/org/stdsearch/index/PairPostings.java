package org.stdsearch.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * What an index's token pairs ({@link Schema#CONTENT_PAIRS}) are made of, for pricing schemes that
 * keep fewer of them. Prints how often a pair repeats within its document (occurrences over
 * per-document distinct pairs, all pairs and Han pairs), then, for each K, the share of pair
 * postings (a pair in a document) whose two tokens are neither, one or both among the K full-text
 * terms found in the most documents: the pairs a "common grams" scheme (pair a token only with a
 * frequent neighbour) would keep are those with one or both.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.stdsearch.index.PairPostings INDEX 300,1000</pre>
 */
public final class PairPostings {
  private PairPostings() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: PairPostings INDEX K[,K...]");
      System.exit(2);
    }
    int[] ks = Arrays.stream(args[1].split(",")).mapToInt(k -> Integer.parseInt(k.trim())).toArray();
    try (FSDirectory dir = FSDirectory.open(Path.of(args[0])); DirectoryReader reader = DirectoryReader.open(dir)) {
      List<Map.Entry<String, Integer>> byDocs = contentTermsByDocs(reader);
      List<Set<String>> frequent = new ArrayList<>();
      for (int k : ks) {
        Set<String> top = new HashSet<>();
        byDocs.subList(0, Math.min(k, byDocs.size())).forEach(e -> top.add(e.getKey()));
        frequent.add(top);
      }
      // one pass over the pairs: repeats within documents, and each pair's class for every K
      long occurrences = 0;
      long postings = 0;
      long hanOccurrences = 0;
      long hanPostings = 0;
      long[][] byClass = new long[ks.length][3];
      long[][] termsByClass = new long[ks.length][3];
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(Schema.CONTENT_PAIRS);
        if (terms == null) {
          continue;
        }
        occurrences += terms.getSumTotalTermFreq();
        postings += terms.getSumDocFreq();
        TermsEnum te = terms.iterator();
        for (BytesRef b = te.next(); b != null; b = te.next()) {
          String pair = b.utf8ToString();
          int space = pair.indexOf(' ');
          if (space < 0) {
            hanOccurrences += te.totalTermFreq();
            hanPostings += te.docFreq();
          }
          String[] two = tokens(pair, space);
          for (int i = 0; i < ks.length; i++) {
            int n = (frequent.get(i).contains(two[0]) ? 1 : 0) + (frequent.get(i).contains(two[1]) ? 1 : 0);
            byClass[i][n] += te.docFreq();
            termsByClass[i][n]++;
          }
        }
      }
      System.out.printf(Locale.ROOT, "PAIRS occurrences=%d postings=%d per_document=%.2f han_occurrences=%d han_postings=%d han_per_document=%.2f%n",
          occurrences, postings, (double) occurrences / Math.max(1, postings),
          hanOccurrences, hanPostings, (double) hanOccurrences / Math.max(1, hanPostings));
      for (int i = 0; i < ks.length; i++) {
        long[] p = byClass[i];
        long all = Math.max(1, p[0] + p[1] + p[2]);
        int kthDocs = byDocs.isEmpty() ? 0 : byDocs.get(Math.min(ks[i], byDocs.size()) - 1).getValue();
        System.out.printf(Locale.ROOT, "FREQUENT k=%d in_docs>=%d postings_neither=%.1f%% one=%.1f%% both=%.1f%% terms_neither=%d one=%d both=%d%n",
            ks[i], kthDocs, 100.0 * p[0] / all, 100.0 * p[1] / all, 100.0 * p[2] / all,
            termsByClass[i][0], termsByClass[i][1], termsByClass[i][2]);
      }
    }
  }

  /** The full text's terms with their document counts, the one found in the most documents first. */
  private static List<Map.Entry<String, Integer>> contentTermsByDocs(DirectoryReader reader) throws Exception {
    Map<String, Integer> docs = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(Schema.CONTENT);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      for (BytesRef b = te.next(); b != null; b = te.next()) {
        docs.merge(b.utf8ToString(), te.docFreq(), Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(docs.entrySet());
    sorted.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
    return sorted;
  }

  /**
   * The two tokens of a pair as the full text holds them: two words around the space at {@code
   * space}, or, with no space (a Han pair of three characters), its two overlapping bigrams.
   */
  private static String[] tokens(String pair, int space) {
    if (space >= 0) {
      return new String[] {pair.substring(0, space), pair.substring(space + 1)};
    }
    int second = Character.charCount(pair.codePointAt(0));
    int third = second + Character.charCount(pair.codePointAt(second));
    return new String[] {pair.substring(0, third), pair.substring(second)};
  }
}
