package org.stdsearch.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.stdsearch.index.Schema;

/**
 * A respelling of a query that found nothing ({@code securty} → {@code security}). Each plain
 * Latin word that no document contains is replaced by the closest word of the index's titles and
 * terms (Lucene's {@link DirectSpellChecker} over {@link Schema#SUGGEST}, whose words are the
 * unstemmed surface forms people type) that some document does contain. Han text, identifiers,
 * quoted phrases and prefixed words are left as typed: edit distance means little for them.
 */
final class DidYouMean {
  /** A plain word as typed: letters only, not quoted, negated or prefixed. */
  private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}\"'/:_.-])(\\p{IsLatin}{4,24})(?![\\p{L}\\p{N}\":/_.-])");
  private static final Analyzer TEXT = Schema.textAnalyzer();
  private static final int CANDIDATES = 8;

  private DidYouMean() {}

  /** The query with its unknown words respelled, or null when no word needed it or none could be. */
  static String respell(IndexReader reader, String q) throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(2);
    checker.setMinPrefix(1);
    checker.setMinQueryLength(4);
    Matcher m = WORD.matcher(q);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    int last = 0;
    while (m.find()) {
      String word = m.group(1);
      if (inIndex(reader, word)) {
        continue;
      }
      String better = closest(checker, reader, word.toLowerCase(Locale.ROOT));
      if (better == null) {
        continue;
      }
      out.append(q, last, m.start(1)).append(matchCase(word, better));
      last = m.end(1);
      changed = true;
    }
    if (!changed) {
      return null;
    }
    return out.append(q.substring(last)).toString();
  }

  private static String closest(DirectSpellChecker checker, IndexReader reader, String word) throws IOException {
    SuggestWord[] found = checker.suggestSimilar(new Term(Schema.SUGGEST, word), CANDIDATES, reader,
        SuggestMode.SUGGEST_ALWAYS);
    for (SuggestWord candidate : found) {
      // SUGGEST holds every prefix of every word: a candidate counts only when it is a word the
      // documents themselves contain.
      if (!candidate.string.equals(word) && inIndex(reader, candidate.string)) {
        return candidate.string;
      }
    }
    return null;
  }

  /** Whether some title or full text holds the word (compared as the search compares it: stemmed). */
  private static boolean inIndex(IndexReader reader, String word) throws IOException {
    List<String> terms = analyzed(word);
    if (terms.isEmpty()) {
      return true;
    }
    for (String t : terms) {
      if (reader.docFreq(new Term(Schema.CONTENT, t)) == 0 && reader.docFreq(new Term(Schema.TITLE, t)) == 0) {
        return false;
      }
    }
    return true;
  }

  private static List<String> analyzed(String word) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = TEXT.tokenStream(Schema.CONTENT, word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return out;
  }

  /** "Securty" → "Security", "SECURTY" → "SECURITY": the correction keeps how the word was typed. */
  private static String matchCase(String typed, String lower) {
    if (typed.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c))) {
      return lower.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(typed.charAt(0))) {
      return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
    return lower;
  }
}
