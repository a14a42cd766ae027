package org.stdsearch.opensearch;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/** Reads the incremental state of every file from the files index. */
public final class FileStates {
  private static final int PAGE = 5000;

  private FileStates() {}

  /** Path → state; empty when the index is empty. */
  public static Map<String, Documents.FileState> all(Cluster cluster) throws IOException {
    Map<String, Documents.FileState> out = new HashMap<>();
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> from = after;
      SearchResponse<Documents.FileState> page = cluster.client().search(s -> {
        s.index(cluster.layout().files()).size(PAGE).trackTotalHits(t -> t.enabled(false))
            .sort(o -> o.field(f -> f.field("path").order(SortOrder.Asc)));
        if (from != null) {
          s.searchAfter(from);
        }
        return s;
      }, Documents.FileState.class);
      List<Hit<Documents.FileState>> hits = page.hits().hits();
      for (Hit<Documents.FileState> h : hits) {
        if (h.source() != null) {
          out.put(h.source().path(), h.source());
        }
      }
      if (hits.size() < PAGE) {
        return out;
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }
}
