package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.http.HitLinks;
import org.stdsearch.search.BadParameterException;
import org.stdsearch.search.IndexStats;
import org.stdsearch.search.SearchRequest.Sort;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse.FacetValue;
import org.stdsearch.search.SearchResponse.Hit;
import org.stdsearch.search.SearchResponse;
import org.stdsearch.search.SearchService;
import org.stdsearch.search.StandardDetail;
import org.stdsearch.search.StandardFile;
import org.stdsearch.search.StandardNotFoundException;
import org.stdsearch.search.Suggestion;
import org.stdsearch.search.TermHit;
import org.stdsearch.search.lucene.SearchFixtures.Fixture;

class LuceneSearchServiceTest {
  @TempDir static Path tmp;
  static SearchFixtures corpus;
  static LuceneSearchService service;

  @BeforeAll
  static void index() throws Exception {
    corpus = new SearchFixtures();
    service = LuceneSearchService.open(corpus.write(tmp), corpus.taxonomy);
  }

  @AfterAll
  static void close() {
    service.close();
  }

  static SearchRequest request(String q, Function<Builder, Builder> f) {
    return f.apply(new Builder(q)).build();
  }

  /** Test-side builder over the long canonical constructor. */
  static final class Builder {
    String q;
    List<String> fields = List.of();
    List<Integer> years = List.of();
    Integer yearFrom;
    Integer yearTo;
    List<String> statuses = List.of();
    List<String> families = List.of();
    List<String> types = List.of();
    List<String> langs = List.of();
    Sort sort;
    int page = 1;
    int size = 10;
    String cursor;
    List<String> facets;
    String labelLang;
    String pre;
    String post;
    Boolean expand;
    Integer snippets;

    Builder(String q) {
      this.q = q;
    }

    SearchRequest build() {
      return new SearchRequest(q, fields, years, yearFrom, yearTo, statuses, families, types, langs, sort, page, size,
          cursor, facets, labelLang, pre, post, expand, snippets);
    }
  }

  static List<String> identifiers(SearchResponse r) {
    return r.hits().stream().map(Hit::identifier).toList();
  }

  static String idOf(String identifier) {
    return service.search(request("id:\"" + identifier + "\"", b -> b)).hits().stream()
        .filter(h -> identifier.equals(h.identifier())).findFirst().orElseThrow().id();
  }

  // ---- query ------------------------------------------------------------------------------

  @Test
  void identifierSpellingsRankTheStandardFirst() {
    for (String q : List.of("GB/T 35273-2020", "GB/T 35273", "gb/t35273", "35273", "GB/T  35273-2020")) {
      assertThat(identifiers(service.search(SearchRequest.of(q)))).as(q).first().isEqualTo("GB/T 35273-2020");
    }
    assertThat(identifiers(service.search(SearchRequest.of("GB/T 35273-2017")))).first().isEqualTo("GB/T 35273-2017");
  }

  @Test
  void seriesRootFindsAllParts() {
    assertThat(identifiers(service.search(SearchRequest.of("ISO 965"))).subList(0, 2))
        .containsExactlyInAnyOrder("ISO 965-1:2013", "ISO 965-2:1998");
  }

  @Test
  void chineseAndEnglishQueriesFindTheStandard() {
    assertThat(identifiers(service.search(SearchRequest.of("个人信息安全")))).first().isEqualTo("GB/T 35273-2020");
    assertThat(identifiers(service.search(SearchRequest.of("personal information security")))).first()
        .isEqualTo("GB/T 35273-2020");
    assertThat(identifiers(service.search(SearchRequest.of("screw threads")))).hasSize(2);
    assertThat(identifiers(service.search(SearchRequest.of("锅炉 节能"))))
        .containsExactly("GB/T 22222-2021", "GB/T 11111-2010");
  }

  @Test
  void operatorsPhrasesExclusionOrAndPrefixes() {
    assertThat(identifiers(service.search(SearchRequest.of("\"limits of sizes\"")))).containsExactly("ISO 965-2:1998");
    assertThat(identifiers(service.search(SearchRequest.of("screw -limits")))).containsExactly("ISO 965-1:2013");
    assertThat(identifiers(service.search(SearchRequest.of("stateless OR cybersecurity"))))
        .containsExactlyInAnyOrder("RFC 9110", "GB/T 22239-2019");
    assertThat(identifiers(service.search(SearchRequest.of("title:HTTP")))).containsExactly("RFC 9110");
    assertThat(identifiers(service.search(SearchRequest.of("title:stateless")))).isEmpty();
    assertThat(identifiers(service.search(SearchRequest.of("ics:21.040")))).hasSize(2);
    assertThat(identifiers(service.search(SearchRequest.of("id:\"RFC 9110\"")))).containsExactly("RFC 9110");
    assertThat(service.search(SearchRequest.of("")).total()).isEqualTo(corpus.fixtures.size());
    // Syntax that is not ours is text, never an error.
    assertThat(service.search(SearchRequest.of("*screw (AND \"unclosed")).partial()).isFalse();
  }

  @Test
  void supersededEditionNeverOutranksItsCurrentEdition() {
    List<String> ids = identifiers(service.search(SearchRequest.of("个人信息安全规范")));
    assertThat(ids.indexOf("GB/T 35273-2020")).isLessThan(ids.indexOf("GB/T 35273-2017"));
  }

  // ---- status -----------------------------------------------------------------------------

  @Test
  void statusIsComputedFromReplacesEditionsDatesAndDeclarations() {
    Map<String, String> status = new HashMap<>();
    service.search(SearchRequest.of("").withPaging(1, 100)).hits().forEach(h -> status.put(h.identifier(), h.status()));
    for (Fixture f : corpus.fixtures) {
      assertThat(status.get(f.identifier())).as(f.identifier()).isEqualTo(f.expectedStatus());
    }
    assertThat(status).containsEntry("GB/T 35273-2017", "superseded")  // newer edition and replaced
        .containsEntry("GB/T 11111-2010", "superseded")                // replaced by another number
        .containsEntry("GB/T 41867-2024", "upcoming")                  // implemented 2099
        .containsEntry("GB 12345-2001", "withdrawn");
  }

  // ---- filters and facets -----------------------------------------------------------------

  @Test
  void fieldFilterOnParentIncludesChildren() {
    SearchResponse r = service.search(request("", b -> { b.fields = List.of(corpus.parent); b.size = 100; return b; }));
    long expected = corpus.fixtures.stream().filter(f -> corpus.fieldClosure(f).contains(corpus.parent)).count();
    assertThat(r.total()).isEqualTo(expected);
    assertThat(identifiers(r)).contains("GB/T 35273-2020", "GB/T 41867-2024");
  }

  @Test
  void everyFilterMatchesBruteForce() {
    check(b -> { b.years = List.of(2020, 2019); return b; }, f -> f.year() == 2020 || f.year() == 2019);
    check(b -> { b.yearFrom = 2010; b.yearTo = 2019; return b; }, f -> f.year() >= 2010 && f.year() <= 2019);
    check(b -> { b.yearFrom = 2021; return b; }, f -> f.year() >= 2021);
    check(b -> { b.families = List.of("ISO"); return b; }, f -> "ISO".equals(f.family()));
    check(b -> { b.types = List.of("mandatory"); return b; }, f -> "mandatory".equals(f.type()));
    check(b -> { b.langs = List.of("en"); return b; }, f -> List.of(f.lang().split(",")).contains("en"));
    check(b -> { b.statuses = List.of("upcoming", "withdrawn"); return b; },
        f -> Set.of("upcoming", "withdrawn").contains(f.expectedStatus()));
    check(b -> { b.statuses = List.of("superseded"); b.families = List.of("GB/T"); return b; },
        f -> f.expectedStatus().equals("superseded") && "GB/T".equals(f.family()));
  }

  private void check(Function<Builder, Builder> filters, Predicate<Fixture> expected) {
    SearchResponse r = service.search(request("", b -> { filters.apply(b); b.size = 100; return b; }));
    List<String> want = corpus.fixtures.stream().filter(expected).map(Fixture::identifier).toList();
    assertThat(identifiers(r)).containsExactlyInAnyOrderElementsOf(want);
    assertThat(r.total()).isEqualTo(want.size());
    assertThat(r.totalRelation()).isEqualTo("eq");
  }

  @Test
  void disjunctiveFacetCountsMatchBruteForce() {
    List<Function<Builder, Builder>> combos = List.of(
        b -> b,
        b -> { b.fields = List.of(corpus.child1); return b; },
        b -> { b.fields = List.of(corpus.parent); b.families = List.of("GB/T", "ISO"); return b; },
        b -> { b.statuses = List.of("current"); b.langs = List.of("zh"); return b; },
        b -> { b.years = List.of(2020, 2001); b.types = List.of("recommended"); b.statuses = List.of("current", "upcoming"); return b; },
        b -> { b.yearFrom = 2005; b.fields = List.of(corpus.child2, corpus.otherRoot); b.statuses = List.of("superseded"); return b; });
    for (Function<Builder, Builder> combo : combos) {
      SearchRequest req = request("", b -> {
        combo.apply(b);
        b.facets = List.of("field", "year", "status", "family", "type", "lang");
        return b;
      });
      SearchResponse r = service.search(req);
      assertThat(flatten(r.facets().get("field"))).as("field %s", req).isEqualTo(
          bruteForce(req, "field", f -> List.copyOf(corpus.fieldClosure(f))));
      assertThat(counts(r.facets().get("year"))).as("year %s", req).isEqualTo(
          bruteForce(req, "year", f -> List.of(String.valueOf(f.year()))));
      assertThat(counts(r.facets().get("status"))).as("status %s", req).isEqualTo(
          bruteForce(req, "status", f -> List.of(f.expectedStatus())));
      assertThat(counts(r.facets().get("family"))).as("family %s", req).isEqualTo(
          bruteForce(req, "family", f -> List.of(f.family())));
      assertThat(counts(r.facets().get("type"))).as("type %s", req).isEqualTo(
          bruteForce(req, "type", f -> f.type() == null ? List.of() : List.of(f.type())));
      assertThat(counts(r.facets().get("lang"))).as("lang %s", req).isEqualTo(
          bruteForce(req, "lang", f -> List.of(f.lang().split(","))));
    }
  }

  /** Counts per value over fixtures matching every filter of {@code req} except the facet's own. */
  private Map<String, Long> bruteForce(SearchRequest req, String facet, Function<Fixture, List<String>> values) {
    Map<String, Long> counts = new TreeMap<>();
    for (Fixture f : corpus.fixtures) {
      boolean ok = (facet.equals("field") || req.fields().isEmpty()
              || req.fields().stream().anyMatch(corpus.fieldClosure(f)::contains))
          && (facet.equals("year") || ((req.years().isEmpty() || req.years().contains(f.year()))
              && (req.yearFrom() == null || f.year() >= req.yearFrom())
              && (req.yearTo() == null || f.year() <= req.yearTo())))
          && (facet.equals("status") || req.statuses().isEmpty() || req.statuses().contains(f.expectedStatus()))
          && (facet.equals("family") || req.families().isEmpty() || (f.family() != null && req.families().contains(f.family())))
          && (facet.equals("type") || req.types().isEmpty() || (f.type() != null && req.types().contains(f.type())))
          && (facet.equals("lang") || req.langs().isEmpty()
              || List.of(f.lang().split(",")).stream().anyMatch(req.langs()::contains));
      if (ok) {
        values.apply(f).forEach(v -> counts.merge(v, 1L, Long::sum));
      }
    }
    return counts;
  }

  private static Map<String, Long> counts(List<FacetValue> values) {
    Map<String, Long> out = new TreeMap<>();
    values.forEach(v -> out.put(v.value(), v.count()));
    return out;
  }

  private static Map<String, Long> flatten(List<FacetValue> tree) {
    Map<String, Long> out = new TreeMap<>();
    List<FacetValue> todo = new ArrayList<>(tree);
    while (!todo.isEmpty()) {
      FacetValue v = todo.remove(0);
      out.put(v.value(), v.count());
      todo.addAll(v.children());
    }
    return out;
  }

  @Test
  void fieldFacetIsATaxonomyTreeWithLabelsInTheRequestedLanguage() {
    SearchResponse r = service.search(request("", b -> { b.labelLang = "en"; return b; }));
    assertThat(r.facets()).containsOnlyKeys("field", "year");
    FacetValue parent = r.facets().get("field").stream().filter(v -> v.value().equals(corpus.parent)).findFirst()
        .orElseThrow();
    assertThat(parent.label()).isEqualTo(corpus.taxonomy.field(corpus.parent).orElseThrow().label("en"));
    assertThat(parent.children()).extracting(FacetValue::value).contains(corpus.child1, corpus.child2);
    List<FacetValue> years = r.facets().get("year");
    assertThat(years).extracting(v -> Integer.parseInt(v.value()))
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    Hit hit = service.search(request("GB/T 35273-2020", b -> { b.labelLang = "en"; return b; })).hits().get(0);
    assertThat(hit.fields()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo(corpus.child2);
      assertThat(f.path()).containsExactly(corpus.parent, corpus.child2);
      assertThat(f.label()).isEqualTo(corpus.taxonomy.field(corpus.child2).orElseThrow().label("en"));
    });
  }

  // ---- sort and paging --------------------------------------------------------------------

  @Test
  void sortOrders() {
    List<Hit> newest = service.search(request("", b -> { b.sort = Sort.NEWEST; b.size = 100; return b; })).hits();
    assertThat(newest).extracting(Hit::published).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    List<Hit> oldest = service.search(request("", b -> { b.sort = Sort.OLDEST; b.size = 100; return b; })).hits();
    assertThat(oldest).extracting(Hit::published).isSorted();
    List<Hit> byId = service.search(request("", b -> { b.sort = Sort.IDENTIFIER; b.size = 100; return b; })).hits();
    assertThat(byId).extracting(Hit::identifier).isSorted();
  }

  @Test
  void cursorPagingGivesTheSameDocumentsAsPagePaging() {
    for (Sort sort : Sort.values()) {
      for (String q : List.of("", "filler")) {
        List<String> byPage = new ArrayList<>();
        for (int page = 1; page <= 8; page++) {
          int p = page;
          service.search(request(q, b -> { b.sort = sort; b.page = p; b.size = 7; return b; })).hits()
              .forEach(h -> byPage.add(h.id()));
        }
        assertThat(byPage).doesNotHaveDuplicates().hasSize(q.isEmpty() ? corpus.fixtures.size() : 40);
        List<String> byCursor = new ArrayList<>();
        String cursor = null;
        do {
          String c = cursor;
          SearchResponse r = service.search(request(q, b -> { b.sort = sort; b.size = 7; b.cursor = c; return b; }));
          r.hits().forEach(h -> byCursor.add(h.id()));
          cursor = r.nextCursor();
        } while (cursor != null);
        assertThat(byCursor).as("%s %s", sort, q).isEqualTo(byPage);
      }
    }
  }

  // ---- hits -------------------------------------------------------------------------------

  @Test
  void snippetsAreEscapedHighlightedAndPlacedOnPageAndClause() {
    SearchResponse r = service.search(request("个人信息 bold", b -> { b.pre = "[["; b.post = "]]"; return b; }));
    Hit hit = r.hits().get(0);
    assertThat(hit.identifier()).isEqualTo("GB/T 35273-2020");
    assertThat(hit.snippets()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(hit.snippets()).allSatisfy(s -> {
      assertThat(s.text()).contains("[[").doesNotContain("<b>");
      assertThat(s.page()).isBetween(1, 3);
    });
    assertThat(hit.snippets()).anySatisfy(s -> assertThat(s.text()).contains("&lt;b&gt;"));
    assertThat(hit.snippets()).anySatisfy(s -> {
      assertThat(s.page()).isEqualTo(1);
      assertThat(s.clause()).isEqualTo("1");
    });
    assertThat(service.search(SearchRequest.of("个人信息控制者")).hits().get(0).snippets())
        .anySatisfy(s -> assertThat(s.text()).contains("<mark>个人信息控制者</mark>"));
    SearchResponse deep = service.search(SearchRequest.of("minimisation"));
    assertThat(deep.hits().get(0).snippets()).anySatisfy(s -> {
      assertThat(s.text()).contains("<mark>minimisation</mark>").doesNotContain("[[");
      assertThat(s.page()).isEqualTo(3);
      assertThat(s.clause()).isEqualTo("4");
    });
    assertThat(deep.hits().get(0).links()).as("links are made by the HTTP layer").isNull();
    Hit h = HitLinks.add(deep).hits().get(0);
    assertThat(h.links().self()).isEqualTo("/api/v1/standards/" + h.id());
    assertThat(h.links().content()).isEqualTo("/api/v1/standards/" + h.id() + "/content");
    assertThat(h.links().contentAtPage()).isEqualTo("/api/v1/standards/" + h.id() + "/content#page=3");
    assertThat(h.title().zh()).isEqualTo("信息安全技术 个人信息安全规范");
    assertThat(h.extractionStatus()).isEqualTo("ok");
  }

  @Test
  void snippetsPerHitFollowTheRequestAndZeroSkipsHighlighting() {
    SearchResponse none = service.search(request("个人信息", b -> { b.snippets = 0; return b; }));
    SearchResponse one = service.search(request("个人信息", b -> { b.snippets = 1; return b; }));
    SearchResponse dflt = service.search(SearchRequest.of("个人信息"));
    assertThat(none.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.snippets()).isEmpty());
    assertThat(one.hits()).allSatisfy(h -> assertThat(h.snippets()).hasSizeLessThanOrEqualTo(1));
    assertThat(one.hits().get(0).snippets()).hasSize(1);
    assertThat(dflt.hits().get(0).snippets()).hasSizeGreaterThan(1);
    // The same hits in the same order: snippets never change what is found.
    assertThat(identifiers(none)).isEqualTo(identifiers(dflt));
  }

  @Test
  void totalsAreExactAndSizeZeroCountsOnly() {
    SearchResponse r = service.search(request("filler", b -> { b.size = 0; return b; }));
    assertThat(r.hits()).isEmpty();
    assertThat(r.total()).isEqualTo(40);
    assertThat(r.totalRelation()).isEqualTo("eq");
    assertThat(r.partial()).isFalse();
  }

  // ---- detail, text, suggest, terms, tree, stats ------------------------------------------

  @Test
  void detailResolvesReferencesLineageAndSimilar() {
    String id = idOf("GB/T 35273-2020");
    StandardDetail d = service.standard(id, "en");
    assertThat(d.status()).isEqualTo("current");
    assertThat(d.metadata().identifier()).isEqualTo("GB/T 35273-2020");
    assertThat(service.file(id)).isEqualTo(new StandardFile(id, d.metadata().path(),
        d.metadata().extraction().mimeType(), d.metadata().extraction().contentHash()));
    assertThat(d.pages()).isEqualTo(3);
    assertThat(d.references()).extracting(StandardDetail.Link::identifier).containsExactly("GB/T 25069", "GB/T 22239-2019");
    assertThat(d.references().get(0).id()).isNull();
    assertThat(d.references().get(1).id()).isEqualTo(idOf("GB/T 22239-2019"));
    assertThat(d.referencedBy()).extracting(StandardDetail.Link::identifier).containsExactly("GB/T 22239-2019");
    assertThat(d.replaces()).singleElement().satisfies(l -> assertThat(l.id()).isEqualTo(idOf("GB/T 35273-2017")));
    assertThat(d.replacedBy()).isEmpty();
    assertThat(d.similar()).hasSizeLessThanOrEqualTo(5).extracting(StandardDetail.Link::id).doesNotContain(id);
    assertThat(d.similar()).extracting(StandardDetail.Link::identifier).contains("GB/T 35273-2017");

    StandardDetail old = service.standard(idOf("GB/T 35273-2017"), "zh");
    assertThat(old.status()).isEqualTo("superseded");
    assertThat(old.replacedBy()).extracting(StandardDetail.Link::id).containsExactly(id);
    assertThat(service.standard(idOf("GB/T 11111-2010"), "zh").replacedBy())
        .extracting(StandardDetail.Link::identifier).containsExactly("GB/T 22222-2021");
    assertThatThrownBy(() -> service.standard("nope", "zh")).isInstanceOf(StandardNotFoundException.class);
  }

  @Test
  void textReturnsOnePageOrAll() {
    String id = idOf("GB/T 35273-2020");
    assertThat(service.text(id, null)).isEqualTo(SearchFixtures.PIPL_TEXT_PAGE1 + SearchFixtures.PIPL_TEXT_PAGE2
        + SearchFixtures.PIPL_TEXT_PAGE3);
    assertThat(service.text(id, 2)).isEqualTo(SearchFixtures.PIPL_TEXT_PAGE2);
    assertThat(service.text(id, 3)).isEqualTo(SearchFixtures.PIPL_TEXT_PAGE3);
    assertThatThrownBy(() -> service.text(id, 4)).isInstanceOf(BadParameterException.class)
        .extracting(e -> ((BadParameterException) e).parameter()).isEqualTo("page");
  }

  @Test
  void suggestCompletesIdentifiersTitlesAndTerms() {
    assertThat(service.suggest("GB/T 222", 5)).extracting(Suggestion::text)
        .contains("GB/T 22239-2019", "GB/T 22222-2021");
    assertThat(service.suggest("GB/T 2223", 5)).first().satisfies(s -> {
      assertThat(s.text()).isEqualTo("GB/T 22239-2019");
      assertThat(s.type()).isEqualTo("identifier");
      assertThat(s.id()).isEqualTo(idOf("GB/T 22239-2019"));
    });
    assertThat(service.suggest("等级保护", 5)).extracting(Suggestion::text)
        .contains("信息安全技术 网络安全等级保护基本要求");
    assertThat(service.suggest("Baseline cyber", 5)).extracting(Suggestion::type).contains("title");
    assertThat(service.suggest("机器", 5)).anySatisfy(s -> {
      assertThat(s.text()).isEqualTo("机器学习");
      assertThat(s.type()).isEqualTo("term");
      assertThat(s.id()).isEqualTo(idOf("GB/T 41867-2024"));
    });
    List<Suggestion> pipl = service.suggest("个人信息", 10);
    assertThat(pipl).extracting(s -> s.type() + ":" + s.text()).doesNotHaveDuplicates();
    assertThat(service.suggest("   ", 5)).isEmpty();
  }

  @Test
  void termsFindsDefinitionsInBothLanguages() {
    assertThat(service.terms("machine learning", 5)).first().satisfies(t -> {
      assertThat(t.termZh()).isEqualTo("机器学习");
      assertThat(t.clause()).isEqualTo("3.1");
      assertThat(t.identifier()).isEqualTo("GB/T 41867-2024");
      assertThat(t.standardId()).isEqualTo(idOf("GB/T 41867-2024"));
    });
    assertThat(service.terms("神经网络", 5)).extracting(TermHit::termEn).containsExactly("neural network");
  }

  @Test
  void fieldTreeAndStatsCoverTheWholeIndex() {
    List<FacetValue> tree = service.fieldTree("zh");
    assertThat(tree).extracting(FacetValue::value)
        .containsAll(corpus.taxonomy.roots().stream().map(r -> r.id()).toList());
    long parentCount = corpus.fixtures.stream().filter(f -> corpus.fieldClosure(f).contains(corpus.parent)).count();
    assertThat(tree).filteredOn(v -> v.value().equals(corpus.parent)).singleElement()
        .extracting(FacetValue::count).isEqualTo(parentCount);
    IndexStats stats = service.stats();
    assertThat(stats.documents()).isEqualTo(corpus.fixtures.size());
    Map<String, Long> byStatus = new TreeMap<>();
    corpus.fixtures.forEach(f -> byStatus.merge(f.expectedStatus(), 1L, Long::sum));
    assertThat(stats.byStatus()).containsAllEntriesOf(byStatus);
    assertThat(stats.byExtraction()).containsEntry("ok", (long) corpus.fixtures.size());
    assertThat(stats.indexBytes()).isPositive();
    assertThat(stats.lastCommit()).startsWith("generation ");
  }

  // ---- bad parameters ---------------------------------------------------------------------

  @Test
  void badParametersNameTheParameter() {
    assertBad(() -> service.search(request("", b -> { b.statuses = List.of("bogus"); return b; })), "status");
    assertBad(() -> service.search(request("", b -> { b.cursor = "%%%"; return b; })), "cursor");
    assertBad(() -> service.search(request("", b -> { b.cursor = java.util.Base64.getUrlEncoder().encodeToString(
        "junk".getBytes()); return b; })), "cursor");
    String cursor = service.search(request("", b -> { b.size = 2; return b; })).nextCursor();
    assertBad(() -> service.search(request("", b -> { b.cursor = cursor; b.sort = Sort.NEWEST; return b; })), "cursor");
    assertBad(() -> service.search(SearchRequest.of("a ".repeat(65))), "q");
    assertBad(() -> service.search(request("", b -> { b.facets = List.of("colour"); return b; })), "facets");
    assertBad(() -> service.suggest("gb", 0), "size");
    assertBad(() -> service.terms("", 5), "q");
  }

  private static void assertBad(Runnable r, String parameter) {
    assertThatThrownBy(r::run).isInstanceOf(BadParameterException.class)
        .extracting(e -> ((BadParameterException) e).parameter()).isEqualTo(parameter);
  }
}
