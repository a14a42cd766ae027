package org.stdsearch.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
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

/**
 * The zh⇄en glossary harvested from term entries: the other-language names of a name, in {@link
 * Schema#glossaryKey normal form}, for cross-language query expansion.
 */
@FunctionalInterface
interface Glossary {
  /** No expansion. */
  Glossary NONE = name -> Set.of();

  /** At most this many translations per name (a name defined differently by many standards). */
  int MAX_TRANSLATIONS = 8;

  /** Translations of {@code name} (normalised here); empty when it names no term entry. */
  Set<String> translations(String name);

  /** A fixed glossary, keyed by normal form. */
  static Glossary of(Map<String, Set<String>> byKey) {
    return name -> byKey.getOrDefault(Schema.glossaryKey(name), Set.of());
  }

  /**
   * The live term entries of {@code reader}, looked up in the index per name: nothing is built
   * per reader, so neither the first search after a start nor one after a refresh waits for a
   * glossary. Answers are remembered, since one query asks for the same run of words twice; use
   * one instance per query (not thread-safe).
   */
  static Glossary in(IndexReader reader) {
    Map<String, Set<String>> answered = new HashMap<>();
    return name -> answered.computeIfAbsent(Schema.glossaryKey(name), key -> {
      try {
        return lookUp(reader, key);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static Set<String> lookUp(IndexReader reader, String key) throws IOException {
    if (key.length() < 2) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    // A common name is defined by many standards with the same translation: decode each pair once.
    Set<BytesRef> seen = new HashSet<>();
    Term term = new Term(Schema.GLOSSARY_KEY, key);
    for (LeafReaderContext leaf : reader.leaves()) {
      PostingsEnum docs = leaf.reader().postings(term, PostingsEnum.NONE);
      if (docs == null) {
        continue;
      }
      BinaryDocValues pairs = DocValues.getBinary(leaf.reader(), Schema.TERM_PAIR);
      Bits live = leaf.reader().getLiveDocs();
      for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        if ((live != null && !live.get(d)) || !pairs.advanceExact(d) || seen.contains(pairs.binaryValue())) {
          continue;
        }
        seen.add(BytesRef.deepCopyOf(pairs.binaryValue()));
        String pair = pairs.binaryValue().utf8ToString();
        int tab = pair.indexOf('\t');
        out.add(key.equals(pair.substring(0, tab)) ? pair.substring(tab + 1) : pair.substring(0, tab));
        if (out.size() == MAX_TRANSLATIONS) {
          return out;
        }
      }
    }
    return out;
  }
}
