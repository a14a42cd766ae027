package org.stdsearch.search.opensearch;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensearch.client.opensearch._types.SuggestMode;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Suggest;
import org.opensearch.client.opensearch.core.search.TermSuggestOption;

/**
 * A respelling of a query that found nothing ({@code securty} → {@code security}), as the embedded
 * backend makes it: each plain Latin word that no title or full text contains is replaced by the
 * closest word of the titles and terms (OpenSearch's term suggester, Lucene's direct spell checker
 * with the same edit distance, prefix and length settings, over the {@code suggest} field) that
 * some title or full text does contain. Han text, identifiers, quoted phrases and prefixed words
 * are left as typed.
 */
final class DidYouMean {
  /** A plain word as typed: letters only, not quoted, negated or prefixed. */
  private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}\"'/:_.-])(\\p{IsLatin}{4,24})(?![\\p{L}\\p{N}\":/_.-])");
  private static final int CANDIDATES = 8;

  private DidYouMean() {}

  /** The query with its unknown words respelled, or null when no word needed it or none could be. */
  static String respell(ServiceContext ctx, String q) throws IOException {
    Matcher m = WORD.matcher(q);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    int last = 0;
    while (m.find()) {
      String word = m.group(1);
      if (inIndex(ctx, word)) {
        continue;
      }
      String better = closest(ctx, word.toLowerCase(Locale.ROOT));
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

  private static String closest(ServiceContext ctx, String word) throws IOException {
    SearchResponse<Void> r = ctx.cluster().client().search(s -> s
        .index(ctx.cluster().layout().standards(), ctx.cluster().layout().terms())
        .size(0).trackTotalHits(t -> t.enabled(false))
        .suggest(sg -> sg.suggesters("w", fs -> fs.text(word).term(t -> t.field("suggest")
            .suggestMode(SuggestMode.Always).maxEdits(2).prefixLength(1).minWordLength(4).size(CANDIDATES)))),
        Void.class);
    List<Suggest<Void>> found = r.suggest().getOrDefault("w", List.of());
    for (Suggest<Void> suggestion : found) {
      if (!suggestion.isTerm()) {
        continue;
      }
      for (TermSuggestOption option : suggestion.term().options()) {
        // the suggest field holds every prefix of every word: a candidate counts only when it is a
        // word the titles or texts themselves contain
        if (!option.text().equals(word) && inIndex(ctx, option.text())) {
          return option.text();
        }
      }
    }
    return null;
  }

  /** Whether some title or full text holds the word (compared as search compares it: stemmed). */
  private static boolean inIndex(ServiceContext ctx, String word) throws IOException {
    Query any = Query.of(q -> q.bool(b -> b.should(QueryText.match(QueryText.CONTENT, word),
        QueryText.match(QueryText.TITLE, word)).minimumShouldMatch("1")));
    return ctx.cluster().client().count(c -> c.index(ctx.cluster().layout().standards()).query(any)
        .terminateAfter(1)).count() > 0;
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
