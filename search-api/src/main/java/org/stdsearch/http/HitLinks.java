package org.stdsearch.http;

import org.stdsearch.search.SearchResponse;

/**
 * The links of each hit to its routes: its detail, its file, and the file at the first snippet's
 * page. Made here, where the routes are, so a backend never knows the API's paths.
 */
public final class HitLinks {
  private HitLinks() {}

  /** {@code response} with every hit's links set. */
  public static SearchResponse add(SearchResponse response) {
    return response.withHits(response.hits().stream().map(HitLinks::add).toList());
  }

  static SearchResponse.Hit add(SearchResponse.Hit hit) {
    String self = Routes.API + "/standards/" + hit.id();
    Integer firstPage = hit.snippets().isEmpty() ? null : hit.snippets().get(0).page();
    return hit.withLinks(new SearchResponse.Links(self, self + "/content",
        firstPage == null ? null : self + "/content#page=" + firstPage));
  }
}
