package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse.Hit;

/**
 * Measures the glossary expansion on the bundled sample corpus (49 fictional standards, 40 in
 * Chinese): English queries made of the English names of terms defined by Chinese standards.
 *
 * <p>Two recalls@10 with expansion on and off: (1) of the standard defining the term, which prints
 * the English name beside the Chinese one, so the words alone already find it and expansion must not
 * lose it; (2) cross-language: of the other standards that use the Chinese term but never the
 * English words, reachable only through the glossary (pairs harvested from the defining standard).
 * Queries: up to ten terms, in expected.json order, whose Chinese name occurs in such another standard.
 */
class GlossaryExpansionEffectTest {
  static final int K = 10;
  static final int QUERIES = 10;

  @TempDir static Path tmp;

  @Test
  void expansionFindsChineseOnlyUsesOfEnglishTerms() throws Exception {
    Path root = Path.of(System.getProperty("stdsearch.projectRoot", ".."));
    Path docs = root.resolve("corpus/standards");
    Path index = tmp.resolve("index");
    Indexer.indexFolder(IndexerConfig.of(docs, index).withWorkers(2)
        .withOcr(OcrOptions.defaults().withMode(OcrMode.OFF)));
    JsonNode expected = new ObjectMapper().readTree(Files.readString(root.resolve("corpus/expected.json")));

    try (LuceneSearchService service = LuceneSearchService.open(index, Taxonomy.loadOrBundled(null))) {
      // every standard's text, normalised, by identifier
      Map<String, String> textById = new LinkedHashMap<>();
      for (Hit h : service.search(SearchRequest.of("").withPaging(1, 100).withExpand(false)).hits()) {
        textById.put(h.identifier(), norm(service.text(h.id(), null)));
      }
      assertThat(textById).hasSizeGreaterThan(40);

      record Case(String en, String zh, String definer, Set<String> crossLanguage) {}
      List<Case> cases = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (JsonNode d : expected.get("documents")) {
        if (!"zh".equals(d.path("language").asText()) || !textById.containsKey(d.get("identifier").asText())) {
          continue;
        }
        for (JsonNode t : d.path("terms")) {
          String zh = t.path("zh").asText("");
          String en = t.path("en").asText("");
          if (zh.isBlank() || en.isBlank() || !seen.add(norm(en))) {
            continue;
          }
          Set<String> cross = new LinkedHashSet<>();
          textById.forEach((id, text) -> {
            if (!id.equals(d.get("identifier").asText()) && text.contains(norm(zh)) && !text.contains(norm(en))) {
              cross.add(id);
            }
          });
          if (!cross.isEmpty() && cases.size() < QUERIES) {
            cases.add(new Case(en, zh, d.get("identifier").asText(), cross));
          }
        }
      }
      assertThat(cases).hasSizeGreaterThanOrEqualTo(5);

      double[] definer = new double[2];
      double[] cross = new double[2];
      for (Case c : cases) {
        for (int on = 0; on < 2; on++) {
          List<String> top = service.search(SearchRequest.of(c.en()).withPaging(1, K).withExpand(on == 1)).hits()
              .stream().map(Hit::identifier).toList();
          definer[on] += top.contains(c.definer()) ? 1 : 0;
          cross[on] += (double) c.crossLanguage().stream().filter(top::contains).count() / c.crossLanguage().size();
          if (on == 1) {
            System.out.printf(Locale.ROOT, "  %-40s %-12s defined by %-22s cross-language %d, top@10 %s%n", c.en(),
                c.zh(), c.definer(), c.crossLanguage().size(), top);
          }
        }
      }
      int n = cases.size();
      System.out.printf(Locale.ROOT, "Glossary expansion over %d English term queries (recall@%d):%n", n, K);
      System.out.printf(Locale.ROOT, "  defining standard: off %.3f  on %.3f%n", definer[0] / n, definer[1] / n);
      System.out.printf(Locale.ROOT, "  cross-language uses (Chinese term, no English): off %.3f  on %.3f%n",
          cross[0] / n, cross[1] / n);
      assertThat(definer[1]).as("expansion must not lose the defining standard").isGreaterThanOrEqualTo(definer[0]);
      assertThat(cross[1]).as("expansion reaches Chinese-only uses").isGreaterThan(cross[0]);
    }
  }

  /** Lower case, NFKC, no whitespace: Chinese text breaks lines anywhere. */
  private static String norm(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", "");
  }
}
