package org.stdsearch.search.opensearch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.stdsearch.search.BadParameterException;

/**
 * Turns what a user types into an OpenSearch query with the embedded backend's grammar and query
 * shapes ({@code search.lucene.UserQueryParser}), so both backends find the same standards and
 * rank them alike: {@code "phrases"}, {@code -exclusion}, {@code OR} (also {@code |}), {@code
 * title:}/{@code id:}/{@code ics:} prefixes, words ANDed, a word of several tokens (Han bigrams)
 * needing 75% of them plus its phrase for score, an exact identifier outranking any text match,
 * and the zh⇄en glossary expansion. Phrases on the full text are looked up by their token pairs
 * ({@code content.pairs}) where the index has them. Wildcards are not operators.
 */
final class QueryText {
  static final int MAX_WORDS = 64;
  static final float IDENTIFIER_BOOST = 100f;
  static final float EXPANSION_BOOST = 0.5f;
  private static final String MIN_SHOULD_MATCH = "75%";
  static final String CONTENT = "content";
  static final String PAIRS = "content.pairs";
  static final String TITLE = "title";

  private final Map<String, Float> fields;
  private final boolean tokenPairs;
  private final Vocabulary vocabulary;

  /**
   * @param fields the fields a plain word is searched in, with their boosts
   * @param tokenPairs look phrases on {@link #CONTENT} up in {@link #PAIRS}
   */
  QueryText(Map<String, Float> fields, boolean tokenPairs, Vocabulary vocabulary) {
    this.fields = new LinkedHashMap<>(fields);
    this.tokenPairs = tokenPairs;
    this.vocabulary = vocabulary;
  }

  /** The standards' text fields: full text and titles (titles weigh three times). */
  static QueryText forStandards(Vocabulary vocabulary) {
    return new QueryText(Map.of(CONTENT, 1f, TITLE, 3f), true, vocabulary);
  }

  /** The full query: the text, and the identifiers it names ranked above any text match. */
  Query parse(String q, Glossary glossary) {
    Query text = parseText(q, glossary);
    List<String> keys = q.isBlank() ? List.of() : vocabulary.identifierKeys(q);
    if (keys.isEmpty()) {
      return text;
    }
    List<Query> perKey = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      float boost = i == 0 ? 10 * IDENTIFIER_BOOST : IDENTIFIER_BOOST;
      perKey.add(Query.of(c -> c.constantScore(cs -> cs.filter(term("identifier_key", key)).boost(boost))));
    }
    Query identifiers = Query.of(d -> d.disMax(dm -> dm.queries(perKey).tieBreaker(0.0f)));
    return Query.of(b -> b.bool(bool -> bool.should(text, identifiers)));
  }

  /** The text part with cross-language expansion (see the embedded parser for the rules). */
  Query parseText(String q, Glossary glossary) {
    List<QueryWords.Word> words = QueryWords.tokenize(q);
    if (words.size() > MAX_WORDS) {
      throw new BadParameterException("q", "too many words (at most " + MAX_WORDS + ")");
    }
    BoolQuery.Builder top = new BoolQuery.Builder();
    boolean positive = false;
    boolean typedPositive = false;
    List<Query> group = null;
    for (int i = 0; i < words.size(); i++) {
      QueryWords.Word w = words.get(i);
      int runEnd = glossary == Glossary.NONE ? i : glossaryRun(words, i, glossary);
      if (runEnd > i + 1) {
        top.must(expandedRun(words, i, runEnd, glossary));
        positive = true;
        i = runEnd - 1;
        continue;
      }
      typedPositive |= !w.negated();
      Query clause = wordQuery(w, true);
      if (clause == null) {
        continue;
      }
      if (w.negated()) {
        top.mustNot(clause);
        continue;
      }
      if (w.prefix() == null && glossary != Glossary.NONE) {
        clause = expanded(clause, translations(List.of(w.text()), glossary));
      }
      boolean nextOr = i + 1 < words.size() && words.get(i + 1).orWithPrevious() && !words.get(i + 1).negated();
      if (group == null && nextOr) {
        group = new ArrayList<>();
      }
      if (group != null) {
        group.add(clause);
        if (!nextOr) {
          top.must(anyOf(group));
          group = null;
          positive = true;
        }
      } else {
        top.must(clause);
        positive = true;
      }
    }
    if (group != null) {
      top.must(anyOf(group));
      positive = true;
    }
    if (!positive && typedPositive) {
      // Something was typed to be found, but nothing in it is searchable ("title:(", "&"):
      // nothing matches, rather than everything.
      return Query.of(m -> m.matchNone(n -> n));
    }
    if (!positive) {
      top.must(Query.of(m -> m.matchAll(a -> a)));
    }
    return Query.of(b -> b.bool(top.build()));
  }

  /** Plain words {@code start..end-1} that together name a glossary term: all of them, or a translation. */
  private Query expandedRun(List<QueryWords.Word> words, int start, int end, Glossary glossary) {
    List<Query> all = new ArrayList<>();
    for (int k = start; k < end; k++) {
      Query c = wordQuery(words.get(k), true);
      if (c != null) {
        all.add(c);
      }
    }
    return expanded(Query.of(b -> b.bool(bool -> bool.must(all))),
        translations(QueryWords.runText(words, start, end), glossary));
  }

  /** Every positive word and phrase (and their translations) as alternatives: what snippets highlight. */
  List<Query> highlightClauses(String q, Glossary glossary, String field) {
    List<Query> out = new ArrayList<>();
    for (QueryWords.Word w : QueryWords.tokenize(q)) {
      if (w.negated() || w.prefix() != null) { // id:, ics: and title: words do not match the full text
        continue;
      }
      if (TextShape.of(w.text()).tokens() == 0) {
        continue;
      }
      out.add(w.phrase() ? matchPhrase(field, w.text()) : match(field, w.text()));
      if (w.prefix() == null && glossary != Glossary.NONE) {
        glossary.translations(w.text()).forEach(t -> out.add(matchPhrase(field, t)));
      }
    }
    return out;
  }

  private static Query anyOf(List<Query> alternatives) {
    List<Query> copy = List.copyOf(alternatives);
    return Query.of(b -> b.bool(bool -> bool.should(copy).minimumShouldMatch("1")));
  }

  /**
   * {@code original OR translations} (each a phrase on the full text, all its words in the title,
   * at half weight), or {@code original}.
   */
  private Query expanded(Query original, Set<String> translations) {
    if (translations.isEmpty()) {
      return original;
    }
    List<Query> any = new ArrayList<>();
    any.add(original);
    for (String t : translations) {
      Query phrase = wordQuery(new QueryWords.Word(t, null, true, false, false), false);
      if (phrase != null) {
        any.add(boosted(phrase, EXPANSION_BOOST));
      }
    }
    return any.size() == 1 ? original : anyOf(any);
  }

  private static Query boosted(Query q, float boost) {
    return Query.of(b -> b.bool(bool -> bool.must(q).boost(boost)));
  }

  private static int glossaryRun(List<QueryWords.Word> words, int start, Glossary glossary) {
    int end = start;
    while (end < words.size() && QueryWords.plain(words, end)) {
      end++;
    }
    for (int e = end; e > start + 1; e--) {
      if (!translations(QueryWords.runText(words, start, e), glossary).isEmpty()) {
        return e;
      }
    }
    return start;
  }

  private static Set<String> translations(List<String> chunks, Glossary glossary) {
    Set<String> out = new LinkedHashSet<>();
    for (String chunk : chunks) {
      out.addAll(glossary.translations(chunk));
    }
    return out;
  }

  /** @param exact a phrase must match exactly (typed in quotes), not only by its pairs */
  private Query wordQuery(QueryWords.Word w, boolean exact) {
    if (w.text().isBlank()) {
      return null;
    }
    if (w.prefix() != null) {
      switch (w.prefix()) {
        case "id" -> {
          Set<String> keys = new LinkedHashSet<>(vocabulary.identifierKeys(w.text()));
          keys.add(vocabulary.identifierKey(w.text()));
          return identifierQuery(List.copyOf(keys));
        }
        case "ics" -> {
          String prefix = w.text().strip();
          return Query.of(p -> p.prefix(pq -> pq.field("ics").value(prefix)));
        }
        case "title" -> {
          return fieldQuery(TITLE, w, exact, 1f);
        }
        default -> throw new IllegalStateException(w.prefix());
      }
    }
    List<Query> perField = new ArrayList<>();
    fields.forEach((field, boost) -> {
      Query q = fieldQuery(field, w, exact, boost);
      if (q != null) {
        perField.add(q);
      }
    });
    if (perField.isEmpty()) {
      return null;
    }
    return perField.size() == 1 ? perField.get(0) : Query.of(d -> d.disMax(dm -> dm.queries(perField).tieBreaker(0.1f)));
  }

  private Query fieldQuery(String field, QueryWords.Word w, boolean exact, float boost) {
    TextShape shape = TextShape.of(w.text());
    if (shape.tokens() == 0) {
      return null;
    }
    Query q;
    if (shape.tokens() == 1) {
      // one token: a term query either way (and the same 75% rule keeps matching identical if the
      // count were ever off)
      q = w.phrase() ? matchPhrase(field, w.text()) : match(field, w.text());
    } else if (w.phrase() && !exact && !field.equals(CONTENT)) {
      // a translation on a title: its words anywhere in it, as in the embedded backend
      q = Query.of(m -> m.match(mq -> mq.field(field).query(FieldValue.of(w.text())).operator(Operator.And)));
    } else if (w.phrase()) {
      q = byPairs(field, w.text(), shape, exact);
    } else {
      Query tokens = match(field, w.text());
      Query phrase = byPairs(field, w.text(), shape, false);
      q = Query.of(b -> b.bool(bool -> bool.must(tokens).should(phrase)));
    }
    return boost == 1f ? q : boosted(q, boost);
  }

  /**
   * The phrase on the full text by its token pairs where they cover it (one pair is a term
   * lookup; more are a conjunction), else by positions; an {@code exact} phrase also matches
   * positions, but only in documents holding every pair.
   */
  private Query byPairs(String field, String text, TextShape shape, boolean exact) {
    Query positional = matchPhrase(field, text);
    if (!tokenPairs || !field.equals(CONTENT) || !shape.pairable()) {
      return positional;
    }
    Query pairs = Query.of(m -> m.match(mq -> mq.field(PAIRS).query(FieldValue.of(text)).operator(Operator.And)));
    if (!exact) {
      return pairs;
    }
    return Query.of(b -> b.bool(bool -> bool.must(positional).filter(pairs)));
  }

  static Query match(String field, String text) {
    return Query.of(m -> m.match(mq -> mq.field(field).query(FieldValue.of(text)).minimumShouldMatch(MIN_SHOULD_MATCH)));
  }

  static Query matchPhrase(String field, String text) {
    return Query.of(m -> m.matchPhrase(mp -> mp.field(field).query(text)));
  }

  static Query term(String field, String value) {
    return Query.of(t -> t.term(tq -> tq.field(field).value(FieldValue.of(value))));
  }

  static Query terms(String field, java.util.Collection<String> values) {
    List<FieldValue> v = values.stream().map(FieldValue::of).toList();
    return Query.of(t -> t.terms(tq -> tq.field(field).terms(tv -> tv.value(v))));
  }

  static Query identifierQuery(List<String> keys) {
    if (keys.size() == 1) {
      return term("identifier_key", keys.get(0));
    }
    List<Query> any = keys.stream().map(k -> term("identifier_key", k)).toList();
    return Query.of(b -> b.bool(bool -> bool.should(any)));
  }
}
