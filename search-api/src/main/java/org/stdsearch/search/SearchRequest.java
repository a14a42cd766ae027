package org.stdsearch.search;

import java.util.List;
import java.util.Objects;

/**
 * A search as the API receives it, validated; free of any backend's types so that a second backend
 * (an OpenSearch cluster) can answer the same request. Callers build one with {@link #builder()};
 * the record validates once, whichever way it is made.
 *
 * @param q free text (Chinese and/or English, phrases, -exclusion, OR, title:/id:/ics: prefixes);
 *     empty lists everything
 * @param fields technology field ids (a parent includes its children); OR between them
 * @param years exact years; OR between them
 * @param yearFrom inclusive lower bound, or null
 * @param yearTo inclusive upper bound, or null
 * @param statuses current / upcoming / superseded / withdrawn
 * @param families identifier families (GB/T, ISO, RFC, ...)
 * @param types mandatory / recommended / guidance
 * @param langs document languages (zh, en)
 * @param sort result order
 * @param page 1-based page
 * @param size hits per page
 * @param cursor opaque deep-paging cursor from a previous response, or null
 * @param facets facet names to compute (field, year, status, family, type, ics, lang, level)
 * @param labelLang zh or en: the language of labels in the response
 * @param highlightPre tag opening a highlighted match
 * @param highlightPost tag closing a highlighted match
 * @param expand expand the query across languages through the zh/en term glossary harvested from
 *     the standards' terms-and-definitions clauses (null: true)
 * @param snippets highlighted passages per hit, 0 to {@link #MAX_SNIPPETS} (null: 3); 0 skips
 *     highlighting, for callers that show titles only
 */
public record SearchRequest(
    String q,
    List<String> fields,
    List<Integer> years,
    Integer yearFrom,
    Integer yearTo,
    List<String> statuses,
    List<String> families,
    List<String> types,
    List<String> langs,
    Sort sort,
    int page,
    int size,
    String cursor,
    List<String> facets,
    String labelLang,
    String highlightPre,
    String highlightPost,
    Boolean expand,
    Integer snippets) {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;
  /** page × size beyond this needs the cursor (deep paging without a growing priority queue). */
  public static final int MAX_WINDOW = 10_000;
  public static final int MAX_QUERY_LENGTH = 1000;
  public static final int DEFAULT_SNIPPETS = 3;
  public static final int MAX_SNIPPETS = 5;
  public static final List<String> DEFAULT_FACETS = List.of("field", "year");
  public static final List<String> KNOWN_FACETS =
      List.of("field", "year", "status", "family", "type", "ics", "lang", "level");

  /** Result order. */
  public enum Sort { RELEVANCE, NEWEST, OLDEST, IDENTIFIER }

  public SearchRequest {
    q = q == null ? "" : q.strip();
    fields = List.copyOf(fields == null ? List.of() : fields);
    years = List.copyOf(years == null ? List.of() : years);
    statuses = List.copyOf(statuses == null ? List.of() : statuses);
    families = List.copyOf(families == null ? List.of() : families);
    types = List.copyOf(types == null ? List.of() : types);
    langs = List.copyOf(langs == null ? List.of() : langs);
    sort = Objects.requireNonNullElse(sort, Sort.RELEVANCE);
    facets = List.copyOf(facets == null ? DEFAULT_FACETS : facets);
    labelLang = labelLang == null || labelLang.isBlank() ? "zh" : labelLang;
    highlightPre = highlightPre == null ? "<mark>" : highlightPre;
    highlightPost = highlightPost == null ? "</mark>" : highlightPost;
    expand = expand == null ? Boolean.TRUE : expand;
    snippets = snippets == null ? DEFAULT_SNIPPETS : snippets;
    if (q.length() > MAX_QUERY_LENGTH) {
      throw new BadParameterException("q", "at most " + MAX_QUERY_LENGTH + " characters");
    }
    if (page < 1) {
      throw new BadParameterException("page", "must be at least 1");
    }
    if (size < 0 || size > MAX_SIZE) {
      throw new BadParameterException("size", "must be between 0 and " + MAX_SIZE);
    }
    if (cursor == null && (long) page * size > MAX_WINDOW) {
      throw new BadParameterException("page", "page × size may not exceed " + MAX_WINDOW + "; use cursor for deep paging");
    }
    if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
      throw new BadParameterException("year_from", "must not be after year_to");
    }
    for (String f : facets) {
      if (!KNOWN_FACETS.contains(f)) {
        throw new BadParameterException("facets", "unknown facet '" + f + "'; known: " + String.join(",", KNOWN_FACETS));
      }
    }
    if (snippets < 0 || snippets > MAX_SNIPPETS) {
      throw new BadParameterException("snippets", "must be between 0 and " + MAX_SNIPPETS);
    }
    if (!labelLang.equals("zh") && !labelLang.equals("en")) {
      throw new BadParameterException("lang", "must be zh or en");
    }
  }

  /** A plain query: defaults for everything else. */
  public static SearchRequest of(String q) {
    return builder().q(q).build();
  }

  /** A request built part by part; unset parts take the defaults above. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's parts, to change some of them. */
  public Builder toBuilder() {
    return new Builder().q(q).fields(fields).years(years).yearFrom(yearFrom).yearTo(yearTo).statuses(statuses)
        .families(families).types(types).langs(langs).sort(sort).page(page).size(size).cursor(cursor)
        .facets(facets).labelLang(labelLang).highlight(highlightPre, highlightPost).expand(expand)
        .snippets(snippets);
  }

  public SearchRequest withPaging(int newPage, int newSize) {
    return toBuilder().page(newPage).size(newSize).build();
  }

  public SearchRequest withFacets(List<String> newFacets) {
    return toBuilder().facets(newFacets).build();
  }

  public SearchRequest withExpand(boolean newExpand) {
    return toBuilder().expand(newExpand).build();
  }

  /**
   * Builds a {@link SearchRequest}; {@link #build} validates, as the record does (a {@link
   * BadParameterException} names the parameter). Null leaves a part at its default.
   */
  public static final class Builder {
    private String q;
    private List<String> fields;
    private List<Integer> years;
    private Integer yearFrom;
    private Integer yearTo;
    private List<String> statuses;
    private List<String> families;
    private List<String> types;
    private List<String> langs;
    private Sort sort;
    private int page = 1;
    private int size = DEFAULT_SIZE;
    private String cursor;
    private List<String> facets;
    private String labelLang;
    private String highlightPre;
    private String highlightPost;
    private Boolean expand;
    private Integer snippets;

    private Builder() {}

    public Builder q(String q) {
      this.q = q;
      return this;
    }

    public Builder fields(List<String> fields) {
      this.fields = fields;
      return this;
    }

    public Builder years(List<Integer> years) {
      this.years = years;
      return this;
    }

    public Builder yearFrom(Integer yearFrom) {
      this.yearFrom = yearFrom;
      return this;
    }

    public Builder yearTo(Integer yearTo) {
      this.yearTo = yearTo;
      return this;
    }

    public Builder statuses(List<String> statuses) {
      this.statuses = statuses;
      return this;
    }

    public Builder families(List<String> families) {
      this.families = families;
      return this;
    }

    public Builder types(List<String> types) {
      this.types = types;
      return this;
    }

    public Builder langs(List<String> langs) {
      this.langs = langs;
      return this;
    }

    public Builder sort(Sort sort) {
      this.sort = sort;
      return this;
    }

    public Builder page(int page) {
      this.page = page;
      return this;
    }

    public Builder size(int size) {
      this.size = size;
      return this;
    }

    public Builder cursor(String cursor) {
      this.cursor = cursor;
      return this;
    }

    public Builder facets(List<String> facets) {
      this.facets = facets;
      return this;
    }

    public Builder labelLang(String labelLang) {
      this.labelLang = labelLang;
      return this;
    }

    public Builder highlight(String pre, String post) {
      this.highlightPre = pre;
      this.highlightPost = post;
      return this;
    }

    public Builder expand(Boolean expand) {
      this.expand = expand;
      return this;
    }

    public Builder snippets(Integer snippets) {
      this.snippets = snippets;
      return this;
    }

    public SearchRequest build() {
      return new SearchRequest(q, fields, years, yearFrom, yearTo, statuses, families, types, langs, sort, page, size,
          cursor, facets, labelLang, highlightPre, highlightPost, expand, snippets);
    }
  }
}
