package org.stdsearch.search.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.BuiltinHighlighterType;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.InnerHitsResult;
import org.stdsearch.opensearch.Documents.PassageDocument;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse.Snippet;

/**
 * Snippets for a page of hits, from the passages index: the best passages of each hit (those
 * matching the most of the query's words, by BM25), one highlighted fragment each. A passage lies
 * within one page and one clause, so every snippet says both. One request per page of hits:
 * passages of the hits, collapsed by standard, the best few of each as inner hits.
 */
final class Highlights {
  /** About the length of an embedded snippet (the highlighter cuts at sentence ends near it). */
  static final int FRAGMENT_CHARS = 200;

  private Highlights() {}

  /**
   * Standard id → its snippets, best first; standards with no matching passage are absent.
   *
   * @param timeout the cluster's time limit for the passage search ({@code "250ms"})
   */
  static Map<String, List<Snippet>> snippets(ServiceContext ctx, SearchRequest request, Glossary glossary,
      List<String> ids, String timeout) throws IOException {
    List<Query> words = ctx.parser().highlightClauses(request.q(), glossary, "text");
    if (words.isEmpty()) {
      return Map.of();
    }
    String pre = request.highlightPre();
    String post = request.highlightPost();
    SearchResponse<Void> r = ctx.cluster().client().search(s -> s
        .index(ctx.cluster().layout().passages())
        .size(ids.size())
        .source(c -> c.fetch(false))
        .trackTotalHits(t -> t.enabled(false))
        .timeout(timeout)
        .query(q -> q.bool(b -> b.filter(QueryText.terms("standard", ids)).should(words).minimumShouldMatch("1")))
        .collapse(c -> c.field("standard").innerHits(ih -> ih
            .name("best")
            .size(request.snippets())
            .source(src -> src.filter(f -> f.includes("page", "clause", "start")))
            .highlight(h -> h
                .type(t -> t.builtin(BuiltinHighlighterType.Unified))
                .encoder(HighlighterEncoder.Html)
                .preTags(pre)
                .postTags(post)
                .fields("text", f -> f.numberOfFragments(1).fragmentSize(FRAGMENT_CHARS).noMatchSize(0))))),
        Void.class);
    Map<String, List<Snippet>> out = new HashMap<>();
    for (Hit<Void> group : r.hits().hits()) {
      InnerHitsResult best = group.innerHits().get("best");
      if (best == null) {
        continue;
      }
      List<Snippet> snippets = new ArrayList<>();
      for (Hit<JsonData> passage : best.hits().hits()) {
        List<String> fragments = passage.highlight().get("text");
        if (fragments == null || fragments.isEmpty()) {
          continue;
        }
        PassageDocument p = passage.source().to(PassageDocument.class);
        snippets.add(new Snippet(tidy(fragments.get(0), pre, post), p.page(), p.clause()));
      }
      if (!snippets.isEmpty()) {
        out.put(passageStandard(group), snippets);
      }
    }
    return out;
  }

  private static String passageStandard(Hit<Void> group) {
    JsonData standard = group.fields().get("standard");
    return standard.toJson().asJsonArray().getString(0);
  }

  /**
   * One mark over a run of overlapping Han bigrams rather than one per bigram, and the text on one
   * line (as the embedded snippets are).
   */
  static String tidy(String fragment, String pre, String post) {
    String merged = fragment.replace(post + pre, "");
    StringBuilder out = new StringBuilder(merged.length());
    for (int i = 0; i < merged.length(); i++) {
      char c = merged.charAt(i);
      out.append(c == '\n' || c == '\r' || c == '\t' || c == '\f' ? ' ' : c);
    }
    return out.toString().strip();
  }
}
