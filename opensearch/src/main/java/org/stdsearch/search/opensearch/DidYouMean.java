package org.stdsearch.search.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensearch.client.opensearch._types.SuggestMode;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Suggest;
import org.opensearch.client.opensearch.core.search.TermSuggestOption;

/**
 * A respelling of a query that found nothing ({@code securty} → {@code security}), as the embedded
 * backend makes it: each plain Latin word that no title or full text contains is replaced by the
 * closest word of the titles and terms (OpenSearch's term suggester, Lucene's direct spell checker
 * with the same edit distance, prefix and length settings, over the {@code suggest} field) that
 * some title or full text does contain; the respelling is offered when it finds standards. Han
 * text, identifiers, quoted phrases and prefixed words are left as typed.
 *
 * <p>Whether the texts hold a word is remembered while the standards index stays as it was, so a
 * query that found nothing because of its filters, all its words known, costs no request. Else two
 * requests whatever the number of words: one asks for every word at once whether the texts hold it
 * and what the suggester offers for it; the other whether the texts hold each candidate and, with
 * one word to respell, whether the query respelled with each candidate finds standards (with
 * several, a third request counts the respelled query).
 */
final class DidYouMean {
  /** A plain word as typed: letters only, not quoted, negated or prefixed. */
  private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}\"'/:_.-])(\\p{IsLatin}{4,24})(?![\\p{L}\\p{N}\":/_.-])");
  private static final int CANDIDATES = 8;

  private DidYouMean() {}

  /** A word of the query as typed, where it stands, and what could replace it. */
  private record Word(String typed, int start, int end, List<String> candidates) {}

  /**
   * The query with its unknown words respelled, or null when no word needed it, none could be, or
   * the respelled query finds nothing either.
   */
  static String respell(ServiceContext ctx, String q, Glossary glossary) throws IOException {
    List<Word> words = new ArrayList<>();
    Matcher m = WORD.matcher(q);
    while (m.find()) {
      words.add(new Word(m.group(1), m.start(1), m.end(1), List.of()));
    }
    if (words.isEmpty()) {
      return null;
    }
    List<Word> unknown = unknownWords(ctx, words);
    if (unknown.isEmpty()) {
      return null;
    }
    Map<String, Aggregate> found = candidatesFound(ctx, q, unknown, glossary);
    List<String> chosen = new ArrayList<>();
    int chosenIndex = -1;
    for (int w = 0; w < unknown.size(); w++) {
      Word word = unknown.get(w);
      String best = word.typed();
      for (int c = 0; c < word.candidates().size(); c++) {
        if (found.get("c" + w + "_" + c).filter().docCount() > 0) {
          best = matchCase(word.typed(), word.candidates().get(c));
          chosenIndex = c;
          break;
        }
      }
      chosen.add(best);
    }
    boolean changed = false;
    for (int w = 0; w < unknown.size(); w++) {
      changed |= !chosen.get(w).equals(unknown.get(w).typed());
    }
    if (!changed) {
      return null;
    }
    String respelled = replace(q, unknown, chosen);
    if (unknown.size() == 1) {
      return found.get("q" + chosenIndex).filter().docCount() > 0 ? respelled : null;
    }
    Query finds = ctx.parser().parse(respelled, glossary);
    return ctx.cluster().client().count(c -> c.index(ctx.cluster().layout().standards()).query(finds)
        .terminateAfter(1)).count() > 0 ? respelled : null;
  }

  /**
   * One request: whether the texts hold each candidate of each unknown word ({@code c<word>_<candidate>}),
   * and with one unknown word whether the query respelled with each candidate finds standards
   * ({@code q<candidate>}). The candidates' presence is remembered as the words' is.
   */
  private static Map<String, Aggregate> candidatesFound(ServiceContext ctx, String q, List<Word> unknown,
      Glossary glossary) throws IOException {
    Map<String, Aggregation> aggs = new LinkedHashMap<>();
    for (int w = 0; w < unknown.size(); w++) {
      List<String> candidates = unknown.get(w).candidates();
      for (int c = 0; c < candidates.size(); c++) {
        Query holds = inTexts(candidates.get(c));
        aggs.put("c" + w + "_" + c, Aggregation.of(a -> a.filter(holds)));
        if (unknown.size() == 1) {
          String candidate = matchCase(unknown.get(w).typed(), candidates.get(c));
          Query finds = ctx.parser().parse(replace(q, unknown, List.of(candidate)), glossary);
          aggs.put("q" + c, Aggregation.of(a -> a.filter(finds)));
        }
      }
    }
    long epoch = ctx.knownWords().epoch();
    Map<String, Aggregate> found = ctx.cluster().client().search(s -> s.index(ctx.cluster().layout().standards())
        .size(0).trackTotalHits(t -> t.enabled(false)).aggregations(aggs), Void.class).aggregations();
    for (int w = 0; w < unknown.size(); w++) {
      List<String> candidates = unknown.get(w).candidates();
      for (int c = 0; c < candidates.size(); c++) {
        ctx.knownWords().put(candidates.get(c), found.get("c" + w + "_" + c).filter().docCount() > 0, epoch);
      }
    }
    return found;
  }

  /**
   * The words no title or full text holds, with the suggester's candidates for each (other words
   * than the word itself). Whether a word is held is remembered ({@link ServiceContext#knownWords}):
   * a query whose words are all known (it found nothing for its filters) asks nothing; otherwise one
   * request over the standards (the texts) and the terms (for candidates from term names).
   */
  private static List<Word> unknownWords(ServiceContext ctx, List<Word> words) throws IOException {
    IndexAnswers<Boolean> known = ctx.knownWords();
    long epoch = known.epoch();
    List<Integer> ask = new ArrayList<>();
    List<Integer> suggest = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Boolean held = known.get(words.get(i).typed().toLowerCase(Locale.ROOT));
      if (held == null) {
        ask.add(i);
      }
      if (!Boolean.TRUE.equals(held)) {
        suggest.add(i);
      }
    }
    if (suggest.isEmpty()) {
      return List.of();
    }
    String standards = ctx.cluster().layout().standards();
    Map<String, Aggregation> aggs = new LinkedHashMap<>();
    for (int i : ask) {
      Query texts = Query.of(q -> q.bool(b -> b.filter(QueryText.term("_index", standards))));
      Query word = inTexts(words.get(i).typed());
      aggs.put("w" + i, Aggregation.of(a -> a.filter(f -> f.bool(b -> b.filter(texts).filter(word)))));
    }
    SearchResponse<Void> r = ctx.cluster().client().search(s -> {
      s.index(standards, ctx.cluster().layout().terms()).size(0).trackTotalHits(t -> t.enabled(false))
          .aggregations(aggs);
      s.suggest(sg -> {
        for (int i : suggest) {
          String lower = words.get(i).typed().toLowerCase(Locale.ROOT);
          sg.suggesters("w" + i, fs -> fs.text(lower).term(t -> t.field("suggest")
              .suggestMode(SuggestMode.Always).maxEdits(2).prefixLength(1).minWordLength(4).size(CANDIDATES)));
        }
        return sg;
      });
      return s;
    }, Void.class);
    List<Word> unknown = new ArrayList<>();
    for (int i : suggest) {
      Word w = words.get(i);
      String lower = w.typed().toLowerCase(Locale.ROOT);
      if (ask.contains(i)) {
        boolean held = r.aggregations().get("w" + i).filter().docCount() > 0;
        known.put(lower, held, epoch);
        if (held) {
          continue;
        }
      }
      List<String> candidates = new ArrayList<>();
      for (Suggest<Void> suggestion : r.suggest().getOrDefault("w" + i, List.of())) {
        if (!suggestion.isTerm()) {
          continue;
        }
        for (TermSuggestOption option : suggestion.term().options()) {
          // the suggest field holds every prefix of every word: a candidate counts only when it is
          // a word the titles or texts themselves contain (asked in the next request)
          if (!option.text().equals(lower) && !candidates.contains(option.text())) {
            candidates.add(option.text());
          }
        }
      }
      if (!candidates.isEmpty()) {
        unknown.add(new Word(w.typed(), w.start(), w.end(), List.copyOf(candidates)));
      }
    }
    return unknown;
  }

  /** Whether some title or full text holds the word (compared as search compares it: stemmed). */
  private static Query inTexts(String word) {
    return Query.of(q -> q.bool(b -> b.should(QueryText.match(QueryText.CONTENT, word),
        QueryText.match(QueryText.TITLE, word)).minimumShouldMatch("1")));
  }

  /** {@code q} with each of {@code words} replaced by the matching entry of {@code by}. */
  private static String replace(String q, List<Word> words, List<String> by) {
    StringBuilder out = new StringBuilder();
    int last = 0;
    for (int i = 0; i < words.size(); i++) {
      out.append(q, last, words.get(i).start()).append(by.get(i));
      last = words.get(i).end();
    }
    return out.append(q.substring(last)).toString();
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
