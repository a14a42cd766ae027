package org.stdsearch.search.opensearch;

import java.io.IOException;
import java.util.List;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.stdsearch.opensearch.Documents.PassageDocument;

/** A standard's text, read back from its passages in order (they cover it without gaps). */
final class Texts {
  private static final int PAGE = 2000;

  private Texts() {}

  /** The text of the passages starting in [{@code from}, {@code to}); passages are cut at page starts. */
  static String read(ServiceContext ctx, String id, int from, int to) throws IOException {
    StringBuilder out = new StringBuilder();
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> last = after;
      SearchResponse<PassageDocument> r = ctx.cluster().client().search(s -> {
        s.index(ctx.cluster().layout().passages()).size(PAGE).trackTotalHits(t -> t.enabled(false))
            .source(c -> c.filter(f -> f.includes("text")))
            .query(q -> q.bool(b -> b.filter(QueryText.term("standard", id))
                .filter(f -> f.range(rq -> rq.field("start").gte(JsonData.of(from)).lt(JsonData.of(to))))))
            .sort(o -> o.field(f -> f.field("start").order(SortOrder.Asc)));
        if (last != null) {
          s.searchAfter(last);
        }
        return s;
      }, PassageDocument.class);
      List<Hit<PassageDocument>> hits = r.hits().hits();
      hits.forEach(h -> out.append(h.source().text()));
      if (hits.size() < PAGE) {
        return out.toString();
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }
}
