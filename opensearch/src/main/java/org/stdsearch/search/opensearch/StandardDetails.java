package org.stdsearch.search.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.MsearchResponse;
import org.opensearch.client.opensearch.core.msearch.MultiSearchResponseItem;
import org.opensearch.client.opensearch.core.msearch.RequestItem;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.SourceConfig;
import org.stdsearch.opensearch.Documents.StandardDocument;
import org.stdsearch.search.SearchResponse;
import org.stdsearch.search.StandardDetail;
import org.stdsearch.search.StandardNotFoundException;

/**
 * The detail view of one standard: its record plus what other standards say about it (citations
 * both ways, lineage, similar standards). The lookups about other standards go in one {@code
 * _msearch}; similar standards are a {@code more_like_this} over the standard's own text.
 */
final class StandardDetails {
  static final int SIMILAR = 5;
  private static final int MAX_LINKS = 100;
  /** More-like-this reads at most this much of a standard, as the embedded view does. */
  static final int SIMILAR_CHARS = 50_000;
  private static final SourceConfig LINK_SOURCE = SourceConfig.of(s -> s.filter(f -> f
      .includes("id", "identifier", "year", "declared_status", "superseded", "record.title_zh", "record.title_en")));

  private final ServiceContext ctx;

  StandardDetails(ServiceContext ctx) {
    this.ctx = ctx;
  }

  /** The standard's document (what {@code includes} asks for), or {@link StandardNotFoundException}. */
  static StandardDocument document(ServiceContext ctx, String id, List<String> includes, List<String> excludes)
      throws IOException {
    if (id == null || id.isBlank()) {
      throw new StandardNotFoundException(String.valueOf(id));
    }
    GetResponse<StandardDocument> r = ctx.cluster().client().get(g -> g.index(ctx.cluster().layout().standards())
        .id(id).sourceIncludes(includes).sourceExcludes(excludes), StandardDocument.class);
    if (!r.found() || r.source() == null) {
      throw new StandardNotFoundException(id);
    }
    return r.source();
  }

  StandardDetail detail(String id, String lang) throws IOException {
    StandardDocument d = document(ctx, id, List.of("id", "undated_key", "declared_status", "superseded", "implemented",
        "title", "content", "record"), List.of());
    StandardDetail.Metadata m = Records.of(d);
    var fields = m.fields().stream().map(f -> ctx.labels().fieldLabel(f.id(), lang)).toList();

    // one _msearch: each cited key, each replaced key, who cites it, who replaces it, newer editions
    Map<String, String> cited = new LinkedHashMap<>(); // key → identifier as written, first one
    m.references().forEach(r -> cited.putIfAbsent(r.key(), r.identifier()));
    List<String> referenceKeys = new ArrayList<>(cited.keySet());
    List<String> referenceNames = new ArrayList<>(cited.values());
    List<String> keys = m.identifierKeys();
    List<RequestItem> searches = new ArrayList<>();
    for (String key : referenceKeys) {
      searches.add(item(QueryText.term("identifier_key", key), 10));
    }
    for (String key : m.replaces()) {
      searches.add(item(QueryText.term("identifier_key", key), 10));
    }
    boolean lineage = !keys.isEmpty();
    if (lineage) {
      searches.add(item(QueryText.terms("references", keys), MAX_LINKS));
      searches.add(item(QueryText.terms("replaces", keys), MAX_LINKS));
    }
    boolean editions = lineage && m.year() != null && d.undatedKey() != null;
    if (editions) {
      searches.add(item(QueryText.term("undated_key", d.undatedKey()), MAX_LINKS));
    }
    List<List<Hit<StandardDocument>>> answers = msearch(searches);

    int next = 0;
    List<StandardDetail.Link> references = new ArrayList<>();
    for (int i = 0; i < referenceKeys.size(); i++) {
      references.add(resolve(referenceNames.get(i), answers.get(next++), id));
    }
    List<StandardDetail.Link> replaces = new ArrayList<>();
    for (String key : m.replaces()) {
      replaces.add(resolve(key, answers.get(next++), id));
    }
    List<StandardDetail.Link> referencedBy = List.of();
    Map<String, StandardDetail.Link> replacedBy = new LinkedHashMap<>();
    if (lineage) {
      referencedBy = links(answers.get(next++), id);
      links(answers.get(next++), id).forEach(l -> replacedBy.put(l.id(), l));
    }
    if (editions) {
      for (Hit<StandardDocument> h : answers.get(next++)) {
        Integer year = h.source().year();
        if (!h.id().equals(id) && year != null && year > m.year()) {
          replacedBy.putIfAbsent(h.id(), link(h.source()));
        }
      }
    }
    int pages = m.extraction() == null ? 1 : Math.max(1, m.extraction().pages());
    String status = Statuses.of(d.declaredStatus(), d.superseded(), d.implemented(), ctx.today());
    return new StandardDetail(m, SearchResponse.heading(m.identifier(), m.titleZh(), m.titleEn(), m.path()), status,
        fields, references, referencedBy, replaces, List.copyOf(replacedBy.values()),
        similar(id, d.content(), d.title()), pages);
  }

  private static RequestItem item(Query query, int size) {
    return RequestItem.of(r -> r.header(h -> h).body(b -> b.query(query).size(size).source(LINK_SOURCE)
        .sort(SearchExecution.sort(org.stdsearch.search.SearchRequest.Sort.RELEVANCE))));
  }

  private List<List<Hit<StandardDocument>>> msearch(List<RequestItem> searches) throws IOException {
    if (searches.isEmpty()) {
      return List.of();
    }
    MsearchResponse<StandardDocument> r = ctx.cluster().client().msearch(m -> m
        .index(ctx.cluster().layout().standards()).searches(searches), StandardDocument.class);
    List<List<Hit<StandardDocument>>> out = new ArrayList<>();
    for (MultiSearchResponseItem<StandardDocument> item : r.responses()) {
      if (!item.isResult()) {
        throw new IOException("a detail lookup failed: " + item.failure().error().reason());
      }
      out.add(item.result().hits().hits());
    }
    return out;
  }

  /** A cited identifier, with the id of the indexed standard it names (a current one preferred). */
  private static StandardDetail.Link resolve(String identifier, List<Hit<StandardDocument>> candidates, String self) {
    StandardDocument best = null;
    for (Hit<StandardDocument> h : candidates) {
      if (h.id().equals(self)) {
        continue;
      }
      if (best == null || (demoted(best) && !demoted(h.source()))) {
        best = h.source();
      }
    }
    if (best == null) {
      return new StandardDetail.Link(identifier, null, null);
    }
    return new StandardDetail.Link(identifier, best.id(), title(best));
  }

  private static boolean demoted(StandardDocument d) {
    return Statuses.WITHDRAWN.equals(d.declaredStatus()) || Statuses.SUPERSEDED.equals(d.declaredStatus())
        || Boolean.TRUE.equals(d.superseded());
  }

  private static List<StandardDetail.Link> links(List<Hit<StandardDocument>> hits, String self) {
    List<StandardDetail.Link> out = new ArrayList<>();
    for (Hit<StandardDocument> h : hits) {
      if (!h.id().equals(self)) {
        out.add(link(h.source()));
      }
    }
    return out;
  }

  private static StandardDetail.Link link(StandardDocument d) {
    return new StandardDetail.Link(d.identifier(), d.id(), title(d));
  }

  private static String title(StandardDocument d) {
    StandardDetail.Metadata r = Records.of(d);
    if (r == null) {
      return null;
    }
    return SearchResponse.heading(null, r.titleZh(), r.titleEn(), r.path());
  }

  /** The most similar standards: more-like-this over the start of its text and its titles. */
  private List<StandardDetail.Link> similar(String id, String content, String title) throws IOException {
    String text = content == null ? "" : content;
    List<String> like = new ArrayList<>();
    if (!text.isBlank()) {
      like.add(text.length() > SIMILAR_CHARS ? text.substring(0, SIMILAR_CHARS) : text);
    }
    if (title != null && !title.isBlank()) {
      like.add(title);
    }
    if (like.isEmpty()) {
      return List.of();
    }
    var r = ctx.cluster().client().search(s -> s.index(ctx.cluster().layout().standards())
        .size(SIMILAR)
        .source(LINK_SOURCE)
        .query(q -> q.bool(b -> b
            .must(mq -> mq.moreLikeThis(mlt -> mlt.fields(QueryText.CONTENT, QueryText.TITLE)
                .like(like.stream().map(t -> org.opensearch.client.opensearch._types.query_dsl.Like.of(l -> l.text(t)))
                    .toList())
                .minTermFreq(1).minDocFreq(1).maxQueryTerms(30)))
            .mustNot(QueryText.term("id", id)))), StandardDocument.class);
    return links(r.hits().hits(), id);
  }
}
