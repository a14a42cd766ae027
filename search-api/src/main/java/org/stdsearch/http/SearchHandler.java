package org.stdsearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import org.stdsearch.search.Backend;
import org.stdsearch.search.BadParameterException;
import org.stdsearch.search.SearchRequest;

/**
 * {@code GET /api/v1/search}. {@code lang} chooses the language of labels (zh|en), as the issue
 * asks; the document-language filter is {@code doc_lang} (repeatable).
 */
final class SearchHandler implements HttpHandler {
  static final List<String> STATUSES = List.of("current", "upcoming", "superseded", "withdrawn");
  static final List<String> TYPES = List.of("mandatory", "recommended", "guidance");

  private final Backend backend;

  SearchHandler(Backend backend) {
    this.backend = backend;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) {
    SearchRequest request = parse(Params.of(ex), ex.getQueryParameters().containsKey("facets"));
    JsonResponses.send(ex, HitLinks.add(backend.service().search(request)));
  }

  static SearchRequest parse(Params p, boolean facetsGiven) {
    List<String> statuses = checked(p, "status", STATUSES);
    List<String> types = checked(p, "type", TYPES);
    return SearchRequest.builder()
        .q(p.string("q"))
        .fields(p.strings("field"))
        .years(p.integers("year"))
        .yearFrom(p.integer("year_from"))
        .yearTo(p.integer("year_to"))
        .statuses(statuses)
        .families(p.strings("family"))
        .types(types)
        .langs(p.strings("doc_lang"))
        .sort(p.enumValue("sort", SearchRequest.Sort.class))
        .page(p.integer("page", 1))
        .size(p.integer("size", SearchRequest.DEFAULT_SIZE))
        .cursor(p.string("cursor"))
        .facets(facetsGiven ? p.strings("facets") : null)
        .labelLang(p.string("lang"))
        .expand(expand(p))
        .snippets(p.integer("snippets"))
        .build();
  }

  /** {@code expand=true|false}: cross-language expansion through the term glossary (default true). */
  private static Boolean expand(Params p) {
    String v = p.oneOf("expand", null, List.of("true", "false"));
    return v == null ? null : Boolean.valueOf(v);
  }

  private static List<String> checked(Params p, String name, List<String> accepted) {
    List<String> values = p.strings(name).stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).toList();
    for (String v : values) {
      if (!accepted.contains(v)) {
        throw new BadParameterException(name, "must be one of " + String.join(", ", accepted));
      }
    }
    return values;
  }
}
