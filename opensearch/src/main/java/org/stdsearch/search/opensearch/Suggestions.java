package org.stdsearch.search.opensearch;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.ZeroTermsQuery;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.stdsearch.opensearch.Documents.StandardDocument;
import org.stdsearch.opensearch.Documents.TermDocument;
import org.stdsearch.search.Suggestion;
import org.stdsearch.search.TermHit;

/**
 * As-you-type suggestions and term lookups, as the embedded backend makes them: suggestions are a
 * query on the {@code suggest} field of standards and term entries (edge n-grams, so a typed token
 * matches any word it begins), every typed token required and runs of Han characters as phrases;
 * each hit is shown by the identifier, title or term that holds every typed token.
 */
final class Suggestions {
  static final String IDENTIFIER = "identifier";
  static final String TITLE = "title";
  static final String TERM = "term";
  private static final int OVERFETCH = 4;

  private final ServiceContext ctx;
  private final QueryText termParser;

  Suggestions(ServiceContext ctx) {
    this.ctx = ctx;
    Map<String, Float> fields = new LinkedHashMap<>();
    fields.put("term_zh", 3f);
    fields.put("term_en", 3f);
    fields.put("term_definition", 1f);
    this.termParser = new QueryText(fields, false, ctx.vocabulary());
  }

  /** Shortest typed identifier that is looked up by key prefix: "GB/" alone would match every GB. */
  private static final int MIN_KEY_PREFIX = 3;
  private static final List<String> SOURCE = List.of("id", "identifier", "year", "record.title_zh", "record.title_en",
      "term_source", "term_zh", "term_en");

  List<Suggestion> suggest(String prefix, int size) throws IOException {
    List<String> tokens = tokens(prefix);
    boolean identifierLike = !ctx.vocabulary().identifierKeys(prefix).isEmpty()
        || prefix.chars().anyMatch(Character::isDigit);
    Map<String, Suggestion> unique = new LinkedHashMap<>();
    // Identifiers typed as search accepts them (RFC91, gbt28181, gb/t281): their normalised key is
    // a prefix of the indexed keys, which the word-prefix query cannot see.
    Query byKey = identifierKeyQuery(prefix);
    if (byKey != null) {
      SearchResponse<com.fasterxml.jackson.databind.JsonNode> r = ctx.cluster().client().search(s -> s
          .index(ctx.cluster().layout().standards()).size(size * OVERFETCH).trackTotalHits(t -> t.enabled(false))
          .source(c -> c.filter(f -> f.includes(SOURCE))).query(byKey)
          .sort(SearchExecution.sort(org.stdsearch.search.SearchRequest.Sort.IDENTIFIER)),
          com.fasterxml.jackson.databind.JsonNode.class);
      for (Hit<com.fasterxml.jackson.databind.JsonNode> h : r.hits().hits()) {
        var d = h.source();
        String identifier = d.path("identifier").asText(null);
        if (identifier != null) {
          unique.putIfAbsent(IDENTIFIER + "\u0000" + identifier,
              new Suggestion(identifier, IDENTIFIER, d.path("id").asText(null), identifier, year(d)));
        }
      }
    }
    if (!tokens.isEmpty() && tokens.size() <= QueryText.MAX_WORDS) {
      Query query = query(prefix);
      SearchResponse<com.fasterxml.jackson.databind.JsonNode> r = ctx.cluster().client().search(s -> s
          .index(ctx.cluster().layout().standards(), ctx.cluster().layout().terms())
          .size(size * OVERFETCH)
          .trackTotalHits(t -> t.enabled(false))
          .source(c -> c.filter(f -> f.includes(SOURCE)))
          .query(query), com.fasterxml.jackson.databind.JsonNode.class);
      for (Hit<com.fasterxml.jackson.databind.JsonNode> h : r.hits().hits()) {
        var d = h.source();
        Suggestion s = d.hasNonNull("term_source") ? termSuggestion(d, tokens) : standardSuggestion(d, tokens);
        if (s != null) {
          // Two standards with the same title are two suggestions: the identifier tells them apart.
          String key = s.type() + "\u0000" + s.text() + (TITLE.equals(s.type()) ? "\u0000" + s.id() : "");
          unique.putIfAbsent(key, s);
        }
      }
    }
    List<String> order = identifierLike ? List.of(IDENTIFIER, TITLE, TERM) : List.of(TITLE, TERM, IDENTIFIER);
    return unique.values().stream()
        .sorted(Comparator.comparingInt((Suggestion s) -> order.indexOf(s.type())))
        .limit(size)
        .toList();
  }

  /**
   * The standards whose identifier keys begin with what was typed, normalised as search normalises
   * it, or null when the input does not look like the start of an identifier (a letter and a digit).
   */
  private Query identifierKeyQuery(String prefix) {
    boolean letter = prefix.chars().anyMatch(Character::isLetter);
    boolean digit = prefix.chars().anyMatch(Character::isDigit);
    if (!letter || !digit) {
      return null;
    }
    List<Query> any = new ArrayList<>();
    for (String key : ctx.vocabulary().identifierPrefixKeys(prefix)) {
      if (key.length() >= MIN_KEY_PREFIX && key.chars().anyMatch(Character::isLetter)) {
        any.add(Query.of(q -> q.prefix(p -> p.field("identifier_key").value(key))));
      }
    }
    if (any.isEmpty()) {
      return null;
    }
    return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
  }

  private static Integer year(com.fasterxml.jackson.databind.JsonNode d) {
    return d.hasNonNull("year") ? d.get("year").asInt() : null;
  }

  /** Every typed token required; a run of Han characters as a phrase (each character is a token). */
  private static Query query(String prefix) {
    List<Query> must = new ArrayList<>();
    int i = 0;
    int n = prefix.length();
    while (i < n) {
      boolean han = TextShape.cjk(prefix.codePointAt(i));
      int end = i;
      while (end < n && TextShape.cjk(prefix.codePointAt(end)) == han) {
        end += Character.charCount(prefix.codePointAt(end));
      }
      String segment = prefix.substring(i, end);
      if (han) {
        must.add(QueryText.matchPhrase("suggest", segment));
      } else if (!segment.isBlank()) {
        must.add(Query.of(q -> q.match(m -> m.field("suggest").query(FieldValue.of(segment)).operator(Operator.And)
            .zeroTermsQuery(ZeroTermsQuery.All))));
      }
      i = end;
    }
    return Query.of(q -> q.bool(b -> b.must(must)));
  }

  /**
   * The tokens of {@code text} as the suggest analysis makes them (lower case, width folded): each
   * Han, kana or Hangul character alone, letters and digits as words.
   */
  static List<String> tokens(String text) {
    String norm = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < norm.length()) {
      int c = norm.codePointAt(i);
      int len = Character.charCount(c);
      if (TextShape.cjk(c)) {
        out.add(norm.substring(i, i + len));
        i += len;
      } else if (Character.isLetterOrDigit(c)) {
        int end = i;
        while (end < norm.length() && Character.isLetterOrDigit(norm.codePointAt(end))
            && !TextShape.cjk(norm.codePointAt(end))) {
          end += Character.charCount(norm.codePointAt(end));
        }
        out.add(norm.substring(i, end));
        i = end;
      } else {
        i += len;
      }
    }
    return out;
  }

  private static Suggestion standardSuggestion(com.fasterxml.jackson.databind.JsonNode d, List<String> tokens) {
    String id = d.path("id").asText(null);
    String identifier = d.path("identifier").asText(null);
    String[][] candidates = {
        {IDENTIFIER, identifier},
        {TITLE, d.path("record").path("title_zh").asText(null)},
        {TITLE, d.path("record").path("title_en").asText(null)}};
    for (String[] candidate : candidates) {
      if (containsAll(candidate[1], tokens)) {
        return new Suggestion(candidate[1], candidate[0], id, identifier, year(d));
      }
    }
    return null;
  }

  private static Suggestion termSuggestion(com.fasterxml.jackson.databind.JsonNode d, List<String> tokens) {
    for (String text : new String[] {d.path("term_zh").asText(null), d.path("term_en").asText(null)}) {
      if (containsAll(text, tokens)) {
        return new Suggestion(text, TERM, d.path("term_source").asText(null));
      }
    }
    return null;
  }

  private static boolean containsAll(String text, List<String> tokens) {
    if (text == null) {
      return false;
    }
    String lower = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return tokens.stream().allMatch(lower::contains);
  }

  /** Term entries matching {@code q} in either language or their definition. */
  List<TermHit> terms(String q, int size) throws IOException {
    SearchResponse<TermDocument> r = ctx.cluster().client().search(s -> s.index(ctx.cluster().layout().terms())
        .size(size).trackTotalHits(t -> t.enabled(false))
        .query(termParser.parseText(q, Glossary.NONE)), TermDocument.class);
    List<TermDocument> entries = r.hits().hits().stream().map(Hit::source).toList();
    Map<String, String> identifiers = identifiers(entries.stream().map(TermDocument::termSource).distinct().toList());
    List<TermHit> out = new ArrayList<>();
    for (TermDocument t : entries) {
      out.add(new TermHit(t.termZh(), t.termEn(), t.termDefinition(), t.termClause(), t.termSource(),
          identifiers.get(t.termSource())));
    }
    return out;
  }

  private Map<String, String> identifiers(List<String> ids) throws IOException {
    Map<String, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    MgetResponse<StandardDocument> r = ctx.cluster().client().mget(m -> m.index(ctx.cluster().layout().standards())
        .ids(ids).sourceIncludes("identifier"), StandardDocument.class);
    for (var doc : r.docs()) {
      if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
        out.put(doc.result().id(), doc.result().source().identifier());
      }
    }
    return out;
  }
}
