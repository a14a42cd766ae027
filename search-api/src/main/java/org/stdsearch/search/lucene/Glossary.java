package org.stdsearch.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.stdsearch.index.Schema;
import org.stdsearch.search.internal.RecentlyUsed;

/**
 * The zh⇄en glossary harvested from term entries: the other-language names of a name, in {@link
 * Schema#glossaryKey normal form}, for cross-language query expansion.
 */
@FunctionalInterface
interface Glossary {
  /** No expansion. */
  Glossary NONE = name -> Set.of();

  /**
   * At most this many translations per name: a name that many standards define differently keeps
   * the renderings most of them give, and each translation is one more phrase in the query.
   */
  int MAX_TRANSLATIONS = 4;

  /** Names whose answers a reader's glossary remembers: the words and runs of recent queries. */
  int REMEMBERED = 8192;

  /** Translations of {@code name} (normalised here); empty when it names no term entry. */
  Set<String> translations(String name);

  /** A fixed glossary, keyed by normal form. */
  static Glossary of(Map<String, Set<String>> byKey) {
    return name -> byKey.getOrDefault(Schema.glossaryKey(name), Set.of());
  }

  /**
   * The live term entries of {@code reader}, looked up in the index per name: nothing is built
   * per reader, so neither the first search after a start nor one after a refresh waits for a
   * glossary. The most recently asked names are remembered for as long as the reader is
   * searched: the same names come in many queries, and their translations change only with the
   * reader.
   */
  static Glossary in(IndexReader reader) {
    RecentlyUsed<String, Set<String>> recent = new RecentlyUsed<>(REMEMBERED);
    return name -> {
      try {
        return recent.get(Schema.glossaryKey(name), key -> lookUp(reader, key));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /**
   * The translations of {@code key}, those that most term entries give first (ties in the order of
   * their bytes, as OpenSearch's terms aggregation orders its buckets), at most {@link
   * #MAX_TRANSLATIONS}: a name that standards translate in many ways keeps the renderings they
   * agree on, and its expansion stays a few phrases.
   */
  private static Set<String> lookUp(IndexReader reader, String key) throws IOException {
    if (key.length() < 2) {
      return Set.of();
    }
    Map<BytesRef, Integer> entries = new HashMap<>();
    Term term = new Term(Schema.GLOSSARY_KEY, key);
    for (LeafReaderContext leaf : reader.leaves()) {
      PostingsEnum docs = leaf.reader().postings(term, PostingsEnum.NONE);
      if (docs == null) {
        continue;
      }
      BinaryDocValues pairs = DocValues.getBinary(leaf.reader(), Schema.TERM_PAIR);
      Bits live = leaf.reader().getLiveDocs();
      for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        if ((live == null || live.get(d)) && pairs.advanceExact(d)) {
          BytesRef pair = pairs.binaryValue();
          if (entries.computeIfPresent(pair, (p, n) -> n + 1) == null) {
            entries.put(BytesRef.deepCopyOf(pair), 1); // the value is only valid until the next advance
          }
        }
      }
    }
    Set<String> out = new LinkedHashSet<>();
    entries.entrySet().stream()
        .sorted(Map.Entry.<BytesRef, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_TRANSLATIONS)
        .forEach(e -> {
          String pair = e.getKey().utf8ToString();
          int tab = pair.indexOf('\t');
          out.add(key.equals(pair.substring(0, tab)) ? pair.substring(tab + 1) : pair.substring(0, tab));
        });
    return Collections.unmodifiableSet(out);
  }
}
