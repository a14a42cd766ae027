package org.stdsearch.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}; serialised as is (snake_case) by the HTTP layer and the
 * CLI's {@code --json}. Field names are API: changing one means {@code /api/v2}.
 */
public record SearchResponse(
    String query,
    long total,
    String totalRelation,
    long tookMs,
    int page,
    int size,
    String nextCursor,
    boolean partial,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets) {

  public SearchResponse {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  /** This response with {@code hits} in place of its own (the HTTP layer adds their links). */
  public SearchResponse withHits(List<Hit> newHits) {
    return new SearchResponse(query, total, totalRelation, tookMs, page, size, nextCursor, partial, newHits, facets);
  }

  /**
   * One standard in a result list.
   *
   * @param links where to get it over HTTP: null from a backend, filled in by the HTTP layer
   *     (and the CLI's {@code --json}), which alone knows the routes
   */
  public record Hit(
      String id,
      String identifier,
      Title title,
      Integer year,
      LocalDate published,
      LocalDate implemented,
      String status,
      List<FieldLabel> fields,
      String family,
      List<String> ics,
      float score,
      List<Snippet> snippets,
      Links links,
      String extractionStatus) {

    public Hit withLinks(Links newLinks) {
      return new Hit(id, identifier, title, year, published, implemented, status, fields, family, ics, score, snippets,
          newLinks, extractionStatus);
    }
  }

  /** Titles in both languages (either may be null). */
  public record Title(String zh, String en) {}

  /** A technology field with its label in the requested language and its path of ids. */
  public record FieldLabel(String id, String label, List<String> path) {}

  /** A highlighted passage, placed in the document by page and clause where known. */
  public record Snippet(String text, Integer page, String clause) {}

  /** Where to get the standard: its detail, its file, and the file at the snippet's page. */
  public record Links(String self, String content, String contentAtPage) {}

  /**
   * A facet entry: {@code value} (year, family, ...) or a taxonomy node with {@code id}, label and
   * children (the field tree).
   */
  public record FacetValue(String value, String label, long count, List<FacetValue> children) {
    public FacetValue {
      children = children == null ? List.of() : List.copyOf(children);
    }
  }
}
