package org.stdsearch.index;

import java.nio.file.Path;
import java.util.ArrayList;
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
    try (FSDirectory dir = FSDirectory.open(Path.of(args[0])); DirectoryReader reader = DirectoryReader.open(dir)) {
      repeats(reader);
      List<Map.Entry<String, Integer>> byDocs = contentTermsByDocs(reader);
      for (String k : args[1].split(",")) {
        shares(reader, byDocs, Integer.parseInt(k.trim()));
      }
    }
  }

  /** A Han pair is three characters with no space; a word pair is two words with one. */
  private static boolean isHan(BytesRef pair) {
    for (int i = pair.offset; i < pair.offset + pair.length; i++) {
      if (pair.bytes[i] == ' ') {
        return false;
      }
    }
    return true;
  }

  private static void repeats(DirectoryReader reader) throws Exception {
    long occurrences = 0;
    long postings = 0;
    long hanOccurrences = 0;
    long hanPostings = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(Schema.CONTENT_PAIRS);
      if (terms == null) {
        continue;
      }
      occurrences += terms.getSumTotalTermFreq();
      postings += terms.getSumDocFreq();
      TermsEnum te = terms.iterator();
      for (BytesRef b = te.next(); b != null; b = te.next()) {
        if (isHan(b)) {
          hanOccurrences += te.totalTermFreq();
          hanPostings += te.docFreq();
        }
      }
    }
    System.out.printf(Locale.ROOT, "PAIRS occurrences=%d postings=%d per_document=%.2f han_occurrences=%d han_postings=%d han_per_document=%.2f%n",
        occurrences, postings, (double) occurrences / Math.max(1, postings),
        hanOccurrences, hanPostings, (double) hanOccurrences / Math.max(1, hanPostings));
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

  /** The two tokens of a pair as the full text holds them: two words, or two overlapping bigrams. */
  private static String[] tokens(String pair) {
    int space = pair.indexOf(' ');
    if (space >= 0) {
      return new String[] {pair.substring(0, space), pair.substring(space + 1)};
    }
    int second = Character.charCount(pair.codePointAt(0));
    int third = second + Character.charCount(pair.codePointAt(second));
    return new String[] {pair.substring(0, third), pair.substring(second)};
  }

  private static void shares(DirectoryReader reader, List<Map.Entry<String, Integer>> byDocs, int k) throws Exception {
    List<Map.Entry<String, Integer>> top = byDocs.subList(0, Math.min(k, byDocs.size()));
    Set<String> frequent = new HashSet<>();
    top.forEach(e -> frequent.add(e.getKey()));
    long[] postings = new long[3];
    long[] terms = new long[3];
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms t = leaf.reader().terms(Schema.CONTENT_PAIRS);
      if (t == null) {
        continue;
      }
      TermsEnum te = t.iterator();
      for (BytesRef b = te.next(); b != null; b = te.next()) {
        String[] two = tokens(b.utf8ToString());
        int n = (frequent.contains(two[0]) ? 1 : 0) + (frequent.contains(two[1]) ? 1 : 0);
        postings[n] += te.docFreq();
        terms[n]++;
      }
    }
    long all = Math.max(1, postings[0] + postings[1] + postings[2]);
    int kthDocs = top.isEmpty() ? 0 : top.get(top.size() - 1).getValue();
    System.out.printf(Locale.ROOT, "FREQUENT k=%d in_docs>=%d postings_neither=%.1f%% one=%.1f%% both=%.1f%% terms_neither=%d one=%d both=%d%n",
        k, kthDocs, 100.0 * postings[0] / all, 100.0 * postings[1] / all, 100.0 * postings[2] / all, terms[0], terms[1], terms[2]);
  }
}
