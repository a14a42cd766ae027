package org.stdsearch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.stdsearch.http.HitLinks;
import org.stdsearch.http.Json;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse;
import org.stdsearch.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search}: answer one query against an index, as the API would. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Search an index from the command line (same engine and response as GET /api/v1/search).")
final class SearchCommand implements Callable<Integer> {

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index folder written by 'index'.")
  Path index;

  @Option(names = "--json", description = "Print the API's JSON response instead of a table.")
  boolean json;

  @Option(names = "--size", paramLabel = "N", defaultValue = "10", description = "Hits to show (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--field", paramLabel = "ID", description = "Filter by technology field id (repeatable).")
  List<String> fields;

  @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "Language of labels (default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(names = "--no-expand", description = "Do not expand the query across languages through the term glossary.")
  boolean noExpand;

  @Option(names = "--taxonomy", paramLabel = "FILE", description = "Technology-field taxonomy for labels.")
  Path taxonomy;

  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Query words; none lists everything.")
  List<String> query;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(index)) {
      throw new IllegalArgumentException("--index is not a folder: " + index);
    }
    String q = query == null ? "" : String.join(" ", query);
    SearchRequest request = SearchRequest.builder().q(q).fields(fields).size(size).labelLang(lang).expand(!noExpand)
        .build();
    try (SearchService service = Backends.open(index, taxonomy)) {
      SearchResponse response = HitLinks.add(service.search(request));
      if (json) {
        System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(response));
      } else {
        printTable(response);
      }
    }
    return 0;
  }

  private static void printTable(SearchResponse r) {
    System.out.printf("%d hits (%s), %d ms%n", r.total(), r.totalRelation(), r.tookMs());
    int rank = 1;
    for (SearchResponse.Hit hit : r.hits()) {
      String title = hit.title().zh() != null ? hit.title().zh() : hit.title().en();
      System.out.printf("%2d. %-24s %s%s  [%s, score %.2f]%n", rank++,
          hit.identifier() == null ? "-" : hit.identifier(), title == null ? "" : title,
          hit.year() == null ? "" : " (" + hit.year() + ")", hit.id(), hit.score());
      for (SearchResponse.Snippet s : hit.snippets()) {
        System.out.printf("      p.%s %s%n", s.page() == null ? "?" : s.page(),
            s.text().replaceAll("\\s+", " "));
      }
    }
  }
}
