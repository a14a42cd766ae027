package org.stdsearch.search.lucene;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.stdsearch.index.Schema;
import org.stdsearch.recognise.IdentifierParser;
import org.stdsearch.search.BadParameterException;

/**
 * Turns what a user types into a Lucene query. A small grammar of our own rather than Lucene's
 * classic parser, because ours cannot fail: {@code "phrases"}, {@code -exclusion}, {@code OR}
 * (also {@code |}) between words, and {@code title:}/{@code id:}/{@code ics:} prefixes; anything
 * else is text. Words are ANDed (standards searches are precise: every word should be there).
 * Wildcards are not operators (the tokenizer drops {@code *} and {@code ?}), so no query can
 * expand into millions of terms.
 */
final class UserQueryParser {
  /** Bounds the number of clauses a query can produce, far below Lucene's own limit. */
  static final int MAX_WORDS = 64;
  /** An exact identifier match outranks any text match (BM25 scores stay well below this). */
  static final float IDENTIFIER_BOOST = 100f;
  /** Unquoted multi-token words (Han bigrams) need this share of their tokens; the phrase adds score. */
  private static final float MIN_SHOULD_MATCH = 0.75f;

  private final Map<String, Float> fields;
  private final QueryBuilder builder;
  private final boolean tokenPairs;

  /**
   * @param fields the fields a plain word is searched in, with their boosts
   * @param tokenPairs look phrases up in {@link Schema#CONTENT_PAIRS} (the index has it); false
   *     where the query must match positions in {@link Schema#CONTENT} itself, as the
   *     highlighter's does
   */
  UserQueryParser(Map<String, Float> fields, Analyzer analyzer, boolean tokenPairs) {
    this.fields = fields;
    this.builder = new QueryBuilder(analyzer);
    this.tokenPairs = tokenPairs;
  }

  UserQueryParser(Map<String, Float> fields, Analyzer analyzer) {
    this(fields, analyzer, false);
  }

  static UserQueryParser forStandards(Analyzer analyzer) {
    return forStandards(analyzer, false);
  }

  static UserQueryParser forStandards(Analyzer analyzer, boolean tokenPairs) {
    return new UserQueryParser(Map.of(Schema.CONTENT, 1f, Schema.TITLE, 3f), analyzer, tokenPairs);
  }

  /** A word or phrase as typed, with its operator context. */
  private record Word(String text, String prefix, boolean phrase, boolean negated, boolean orWithPrevious) {}

  /** The full query for {@code q}; match-all when it is empty. */
  Query parse(String q) {
    return parse(q, Glossary.NONE);
  }

  /** As {@link #parse(String)}, expanding across languages through {@code glossary} (may be empty). */
  Query parse(String q, Glossary glossary) {
    Query text = parseText(q, glossary);
    List<String> keys = q.isBlank() ? List.of() : IdentifierParser.queryKeys(q);
    if (keys.isEmpty()) {
      return text;
    }
    return new BooleanQuery.Builder()
        .add(text, Occur.SHOULD)
        .add(rankedIdentifierQuery(keys), Occur.SHOULD)
        .build();
  }

  /**
   * Keys come most specific first: the first (the edition typed, e.g. {@code GB/T35273-2017})
   * scores ten times the others (undated, series root), so the edition asked for outranks the
   * current edition even though superseded editions are demoted.
   */
  private static Query rankedIdentifierQuery(List<String> keys) {
    List<Query> perKey = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Query exact = new ConstantScoreQuery(new TermQuery(new Term(Schema.IDENTIFIER_KEY, keys.get(i))));
      perKey.add(new BoostQuery(exact, i == 0 ? 10 * IDENTIFIER_BOOST : IDENTIFIER_BOOST));
    }
    return new DisjunctionMaxQuery(perKey, 0f);
  }

  /** Just the text part (no identifier clause): also what snippets highlight. */
  Query parseText(String q) {
    return parseText(q, Glossary.NONE);
  }

  /**
   * The text part with cross-language expansion: a quoted phrase, a word, or a maximal run of
   * plain words (the whole query included) whose {@link org.stdsearch.index.Schema#glossaryKey normal form} is a
   * glossary key becomes {@code (as typed) OR (each translation as a phrase, boosted
   * EXPANSION_BOOST)}. The alternative replaces the chunk inside the conjunction, so the rest of
   * the query (other words, exclusions) still applies and an English query can find a
   * Chinese-only standard, while original-language matches keep the higher score.
   */
  Query parseText(String q, Glossary glossary) {
    List<Word> words = tokenize(q);
    if (words.size() > MAX_WORDS) {
      throw new BadParameterException("q", "too many words (at most " + MAX_WORDS + ")");
    }
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    boolean positive = false;
    boolean typedPositive = false;
    BooleanQuery.Builder group = null;
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      int runEnd = glossary == Glossary.NONE ? i : glossaryRun(words, i, glossary);
      if (runEnd > i + 1) {
        // words i..runEnd-1 are plain, outside any OR group, and together name a glossary term
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int k = i; k < runEnd; k++) {
          Query c = wordQuery(words.get(k));
          if (c != null) {
            all.add(c, Occur.MUST);
          }
        }
        top.add(expanded(all.build(), translations(runText(words, i, runEnd), glossary)), Occur.MUST);
        positive = true;
        i = runEnd - 1;
        continue;
      }
      typedPositive |= !w.negated();
      Query clause = wordQuery(w);
      if (clause == null) {
        continue;
      }
      if (w.negated()) {
        top.add(clause, Occur.MUST_NOT);
        continue;
      }
      if (w.prefix() == null && glossary != Glossary.NONE) {
        clause = expanded(clause, translations(List.of(w.text()), glossary));
      }
      boolean nextOr = i + 1 < words.size() && words.get(i + 1).orWithPrevious() && !words.get(i + 1).negated();
      if (group == null && nextOr) {
        group = new BooleanQuery.Builder();
      }
      if (group != null) {
        group.add(clause, Occur.SHOULD);
        if (!nextOr) {
          top.add(group.build(), Occur.MUST);
          group = null;
          positive = true;
        }
      } else {
        top.add(clause, Occur.MUST);
        positive = true;
      }
    }
    if (group != null) {
      top.add(group.build(), Occur.MUST);
      positive = true;
    }
    if (!positive && typedPositive) {
      // Something was typed to be found, but nothing in it is searchable ("title:(", "&"):
      // nothing matches, rather than everything.
      return new MatchNoDocsQuery("nothing searchable in the query");
    }
    if (!positive) {
      top.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
    }
    return top.build();
  }

  /** Score of a translation relative to the words as typed: original-language matches rank first. */
  static final float EXPANSION_BOOST = 0.5f;

  /**
   * {@code original OR translations} (each translation a phrase on the full text, matched by its
   * pairs, and all its words in the title), or {@code original}.
   */
  private Query expanded(Query original, Set<String> translations) {
    if (translations.isEmpty()) {
      return original;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder().add(original, Occur.SHOULD);
    int added = 0;
    for (String t : translations) {
      Query phrase = wordQuery(new Word(t, null, true, false, false), false);
      if (phrase != null) {
        any.add(new BoostQuery(phrase, EXPANSION_BOOST), Occur.SHOULD);
        added++;
      }
    }
    return added == 0 ? original : any.setMinimumNumberShouldMatch(1).build();
  }

  /**
   * End (exclusive) of the longest run of at least two plain words from {@code start} that names
   * a glossary term, or {@code start} when there is none. Plain: not quoted, no prefix, not
   * negated, not joined by OR to a neighbour.
   */
  private static int glossaryRun(List<Word> words, int start, Glossary glossary) {
    int end = start;
    while (end < words.size() && plain(words, end)) {
      end++;
    }
    for (int e = end; e > start + 1; e--) {
      if (!translations(runText(words, start, e), glossary).isEmpty()) {
        return e;
      }
    }
    return start;
  }

  private static boolean plain(List<Word> words, int i) {
    Word w = words.get(i);
    boolean nextOr = i + 1 < words.size() && words.get(i + 1).orWithPrevious();
    return !w.phrase() && w.prefix() == null && !w.negated() && !w.orWithPrevious() && !nextOr;
  }

  /** A run's texts: joined with spaces (English) and without (Chinese typed with spaces). */
  private static List<String> runText(List<Word> words, int start, int end) {
    List<String> texts = words.subList(start, end).stream().map(Word::text).toList();
    return List.of(String.join(" ", texts), String.join("", texts));
  }

  private static Set<String> translations(List<String> chunks, Glossary glossary) {
    Set<String> out = new LinkedHashSet<>();
    for (String chunk : chunks) {
      out.addAll(glossary.translations(chunk));
    }
    return out;
  }

  private Query wordQuery(Word w) {
    return wordQuery(w, true);
  }

  /** @param exact a phrase must match exactly (typed in quotes), not only by its pairs */
  private Query wordQuery(Word w, boolean exact) {
    if (w.text().isBlank()) {
      return null;
    }
    if (w.prefix() != null) {
      switch (w.prefix()) {
        case "id" -> {
          Set<String> keys = new LinkedHashSet<>(IdentifierParser.queryKeys(w.text()));
          keys.add(IdentifierParser.normaliseKey(w.text()));
          return identifierQuery(List.copyOf(keys));
        }
        case "ics" -> {
          return new PrefixQuery(new Term(Schema.ICS, w.text().strip()));
        }
        case "title" -> {
          return fieldQuery(Schema.TITLE, w, exact);
        }
        default -> throw new IllegalStateException(w.prefix());
      }
    }
    List<Query> perField = new ArrayList<>();
    fields.forEach((field, boost) -> {
      Query q = fieldQuery(field, w, exact);
      if (q != null) {
        perField.add(boost == 1f ? q : new BoostQuery(q, boost));
      }
    });
    if (perField.isEmpty()) {
      return null;
    }
    return perField.size() == 1 ? perField.get(0) : new DisjunctionMaxQuery(perField, 0.1f);
  }

  private Query fieldQuery(String field, Word w, boolean exact) {
    Query positional = builder.createPhraseQuery(field, w.text());
    if (positional == null || positional instanceof TermQuery) {
      return positional; // one token
    }
    if (w.phrase() && !exact && !field.equals(Schema.CONTENT) && positional instanceof PhraseQuery words) {
      return allOf(words);
    }
    if (w.phrase()) {
      return byPairs(field, w.text(), positional, exact);
    }
    // the phrase only adds score here, so its pairs suffice
    Query phrase = byPairs(field, w.text(), positional, false);
    Query tokens = builder.createMinShouldMatchQuery(field, w.text(), MIN_SHOULD_MATCH);
    if (tokens == null) {
      return phrase;
    }
    return new BooleanQuery.Builder().add(tokens, Occur.MUST).add(phrase, Occur.SHOULD).build();
  }

  /**
   * The phrase {@code text} of the full text looked up by its {@link Schema#CONTENT_PAIRS pairs}
   * when the index has them, else {@code positional}. One pair (two words, three Han characters)
   * is the phrase exactly: a term lookup. Longer phrases are the conjunction of their pairs; an
   * {@code exact} one also matches positions, but only in the documents that hold every pair.
   * Without exact, a document holding the pairs apart ("数据中台" and "根据中心" for 数据中心) is a
   * rare false match, acceptable where the phrase only adds score or widens recall (translations).
   * Measured on 10,000 synthetic standards: a common Chinese translation cost ~200 ms as positions,
   * and quoted phrases with their translations went from 32 to 8 ms a search (docs/benchmarks.md).
   */
  private Query byPairs(String field, String text, Query positional, boolean exact) {
    if (!tokenPairs || !field.equals(Schema.CONTENT) || !(positional instanceof PhraseQuery)) {
      return positional;
    }
    List<String> pairs = Schema.phrasePairs(text);
    if (pairs.isEmpty()) {
      return positional;
    }
    if (pairs.size() == 1) {
      return new TermQuery(new Term(Schema.CONTENT_PAIRS, pairs.get(0)));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (exact) {
      b.add(positional, Occur.MUST);
    }
    pairs.forEach(p -> b.add(new TermQuery(new Term(Schema.CONTENT_PAIRS, p)), exact ? Occur.FILTER : Occur.MUST));
    return b.build();
  }

  /**
   * A phrase that need not be exact (a translation) on a title: its words anywhere in the title.
   * Titles are a few words long, so the words of a name are hardly ever there apart, and matching
   * positions for each of a query's translations costs more than the rest of the query.
   */
  private static Query allOf(PhraseQuery phrase) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Term t : phrase.getTerms()) {
      b.add(new TermQuery(t), Occur.MUST);
    }
    return b.build();
  }

  static Query identifierQuery(List<String> keys) {
    if (keys.size() == 1) {
      return new TermQuery(new Term(Schema.IDENTIFIER_KEY, keys.get(0)));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    keys.forEach(k -> b.add(new TermQuery(new Term(Schema.IDENTIFIER_KEY, k)), Occur.SHOULD));
    return b.build();
  }

  private static List<Word> tokenize(String q) {
    List<Word> words = new ArrayList<>();
    int i = 0;
    int n = q.length();
    boolean or = false;
    while (i < n) {
      char c = q.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '|') {
        or = !words.isEmpty();
        i++;
        continue;
      }
      boolean negated = false;
      if ((c == '-' || c == '+') && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
        negated = c == '-';
        i++;
      }
      String prefix = null;
      for (String p : List.of("title", "id", "ics")) {
        if (q.regionMatches(true, i, p + ":", 0, p.length() + 1) && i + p.length() + 1 < n) {
          prefix = p;
          i += p.length() + 1;
          break;
        }
      }
      if (prefix != null && q.charAt(i) == '(') {
        // title:(personal information): every word of the group gets the prefix; the closing
        // parenthesis may still be missing while the query is being typed.
        int close = q.indexOf(')', i + 1);
        int end = close < 0 ? n : close;
        List<Word> inner = tokenize(q.substring(i + 1, end));
        if (inner.isEmpty()) {
          words.add(new Word("", prefix, false, negated, or));
        }
        for (int k = 0; k < inner.size(); k++) {
          Word w = inner.get(k);
          words.add(new Word(w.text(), w.prefix() != null ? w.prefix() : prefix, w.phrase(), negated || w.negated(),
              k == 0 ? or : w.orWithPrevious()));
        }
        i = close < 0 ? n : close + 1;
        or = false;
        continue;
      }
      String text;
      boolean phrase = i < n && q.charAt(i) == '"';
      if (phrase) {
        int end = q.indexOf('"', i + 1);
        end = end < 0 ? n : end;
        text = q.substring(i + 1, end);
        i = Math.min(n, end + 1);
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(q.charAt(end))) {
          end++;
        }
        text = q.substring(i, end);
        i = end;
      }
      if (!phrase && prefix == null && !negated && text.equals("OR")) {
        or = !words.isEmpty();
        continue;
      }
      if (!text.isBlank()) {
        words.add(new Word(text, prefix == null ? null : prefix.toLowerCase(Locale.ROOT), phrase, negated, or));
      }
      or = false;
    }
    return words;
  }
}
