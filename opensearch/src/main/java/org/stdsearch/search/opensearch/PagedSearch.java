package org.stdsearch.search.opensearch;

import java.io.IOException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch.core.SearchRequest;

/**
 * Runs a search of the standards index: the first page on the live index, and pages reached by a
 * cursor with {@code search_after} in a point in time (created when a client first follows a
 * cursor, carried in the cursors after it, kept alive by each page). A point in time that expired
 * is replaced by a new one at the same sort position.
 */
final class PagedSearch {
  static final String KEEP_ALIVE = "5m";

  private final ServiceContext ctx;
  private String pit;

  PagedSearch(ServiceContext ctx) {
    this.ctx = ctx;
  }

  /** The point in time the page was read from, for the next cursor; null for a first page. */
  String pit() {
    return pit;
  }

  SearchAnswer run(SearchRequest.Builder builder, Cursor cursor) throws IOException {
    if (cursor == null) {
      return search(builder.index(ctx.cluster().layout().standards()).build());
    }
    builder.searchAfter(cursor.after());
    pit = cursor.pit() != null ? cursor.pit() : createPit();
    try {
      return withPit(builder);
    } catch (OpenSearchException e) {
      if (e.status() != 404 && !String.valueOf(e.getMessage()).contains("search_context_missing")) {
        throw e;
      }
      pit = createPit(); // expired or from a node that restarted: continue from the same position
      return withPit(builder);
    }
  }

  private SearchAnswer withPit(SearchRequest.Builder builder) throws IOException {
    String id = pit;
    SearchAnswer r = search(
        builder.pit(org.opensearch.client.opensearch.core.search.Pit.of(p -> p.id(id).keepAlive(KEEP_ALIVE))).build());
    if (r.pitId() != null) {
      pit = r.pitId();
    }
    return r;
  }

  private SearchAnswer search(SearchRequest request) throws IOException {
    OpenSearchClient client = ctx.cluster().client();
    return client._transport().performRequest(request, SearchAnswer.ENDPOINT, client._transportOptions());
  }

  private String createPit() throws IOException {
    return ctx.cluster().client().createPit(c -> c.index(ctx.cluster().layout().standards())
        .keepAlive(Time.of(t -> t.time(KEEP_ALIVE)))).pitId();
  }
}
