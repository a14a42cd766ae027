package org.stdsearch.recognise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.stdsearch.extract.CachedExtraction;
import org.stdsearch.extract.ExtractedDocument;

/**
 * Accuracy of the recogniser on the shared corpus (skipped when it is absent): RFC number,
 * title, year and obsoletes against the RFC Editor's JSON, and primary identifiers of the
 * Chinese (text-layer), ITU-T and STS documents against MANIFEST.tsv. Prints the figures and
 * every failure; asserts floors just below what was measured, so it fails on regression.
 * Extraction runs in-process through {@link CachedExtraction}, not through the forked workers.
 */
class StandardRecogniserCorpusTest {
  private static final Path CORPUS = Path.of(System.getProperty("stdsearch.sharedCorpus", "../../shared/corpus"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final StandardRecogniser RECOGNISER = new StandardRecogniser();
  /** Every third RFC plain text, all HTML, XML and PDF renderings: keeps the run near a minute. */
  private static final int TXT_SAMPLE_STEP = 3;

  @BeforeAll
  static void quietParsers() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache")).setLevel(Level.WARN);
  }

  @Test
  void recognisesRfcNumberTitleYearAndObsoletes() throws Exception {
    assumeTrue(Files.isDirectory(CORPUS.resolve("rfc/json")), "shared corpus not present");
    List<Path> jsons;
    try (Stream<Path> s = Files.list(CORPUS.resolve("rfc/json"))) {
      jsons = s.sorted().toList();
    }
    Map<String, Score> scores = new LinkedHashMap<>();
    int txtSeen = 0;
    for (Path json : jsons) {
      JsonNode meta = JSON.readTree(json.toFile());
      int number = Integer.parseInt(meta.get("doc_id").asText().substring(3));
      for (String format : List.of("txt", "html", "xml", "pdf")) {
        Path file = CORPUS.resolve("rfc/" + format + "/rfc" + number + "." + format);
        if (!Files.isRegularFile(file) || format.equals("txt") && txtSeen++ % TXT_SAMPLE_STEP != 0) {
          continue;
        }
        RecognisedStandard r = RECOGNISER.recognise(extract(file), file, Sidecars.none());
        if (r.document().text().isBlank()) {
          continue; // scanned typewritten RFC without text layer
        }
        Score score = scores.computeIfAbsent(format, f -> new Score());
        String label = file.getFileName().toString();
        score.check("identifier", label, "RFC " + number, r.identifier());
        score.check("title", label, squash(meta.get("title").asText()), squash(r.titleEn()));
        String year = meta.get("pub_date").asText().replaceAll(".*(\\d{4}).*", "$1");
        if (!year.equals("1970")) { // the RFC Editor's placeholder for a missing date
          score.check("year", label, year, r.year() == null ? null : r.year().toString());
        }
        Set<String> expected = new HashSet<>();
        meta.get("obsoletes").forEach(o -> expected.add(key("RFC " + Integer.parseInt(o.asText().substring(3)))));
        score.check("obsoletes", label, expected.toString(), new HashSet<>(r.replaces()).toString());
      }
    }
    scores.forEach((format, score) -> score.print("rfc/" + format));
    Score all = Score.merge(scores.values());
    all.print("rfc (all)");
    assertThat(all.rate("identifier")).isGreaterThanOrEqualTo(0.98);
    assertThat(all.rate("year")).isGreaterThanOrEqualTo(0.96);
    assertThat(all.rate("title")).isGreaterThanOrEqualTo(0.90);
    assertThat(all.rate("obsoletes")).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void recognisesIdentifiersOfChineseItuAndStsDocuments() throws Exception {
    Path manifest = CORPUS.resolve("MANIFEST.tsv");
    assumeTrue(Files.isRegularFile(manifest), "shared corpus not present");
    Map<String, Score> scores = new LinkedHashMap<>();
    for (String row : Files.readAllLines(manifest).subList(1, Files.readAllLines(manifest).size())) {
      String[] cols = row.split("\t", -1);
      String path = cols[0];
      String collection = path.substring(0, path.indexOf('/'));
      if (!Set.of("cn", "intl", "sts", "w3c").contains(collection)
          || path.endsWith(".pdf") && !cols[8].startsWith("text-based")
          || cols[9].matches("\\d+") && Integer.parseInt(cols[9]) > 250) { // N1570 (701 pages) alone takes a minute

        continue;
      }
      Optional<StandardIdentifier> expected = IdentifierParser.findAll(cols[5]).stream()
          .filter(m -> m.start() == 0).findFirst().map(IdentifierMatch::identifier);
      Path file = CORPUS.resolve(path);
      RecognisedStandard r = RECOGNISER.recognise(extract(file), file, Sidecars.none());
      Score score = scores.computeIfAbsent(collection, c -> new Score());
      if (expected.isPresent()) {
        // MANIFEST often gives no edition year (ISO 13849-1): then the undated key is compared.
        StandardIdentifier want = expected.get();
        Optional<StandardIdentifier> got = Optional.ofNullable(r.identifier()).flatMap(IdentifierParser::parse);
        boolean same = got.isPresent() && (want.year() == null
            ? want.undatedKey().equals(got.get().undatedKey())
            : want.canonical().equals(got.get().canonical()));
        score.check("identifier", path, want.canonical(), same ? want.canonical() : r.identifier());
      } else {
        System.out.println("  INFO " + path + ": no identifier in MANIFEST; recognised <" + r.identifier() + ">");
      }
      score.check("title present", path, "yes", r.titleZh() != null || r.titleEn() != null ? "yes" : "no");
    }
    scores.forEach((collection, score) -> score.print(collection));
    assertThat(scores.get("cn").rate("identifier")).isGreaterThanOrEqualTo(0.90);
    assertThat(scores.get("intl").rate("identifier")).isGreaterThanOrEqualTo(0.85);
    assertThat(scores.get("sts").rate("identifier")).isGreaterThanOrEqualTo(0.80);
  }

  private static String key(String identifier) {
    return IdentifierParser.parse(identifier).map(StandardRecogniser::referenceKey).orElse(identifier);
  }

  private static String squash(String s) {
    return s == null ? null : s.replace('\u2011', '-').replace("--", "-").replaceAll("\\s+", " ").strip()
        .toLowerCase(Locale.ROOT);
  }

  /** The production extractor in-process (no OCR), cached under target/ across runs and tests. */
  static ExtractedDocument extract(Path file) {
    return CachedExtraction.extract(CORPUS, file);
  }

  /** Hits and failures per field. */
  static final class Score {
    final Map<String, int[]> counts = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();

    void check(String field, String label, String expected, String actual) {
      int[] c = counts.computeIfAbsent(field, f -> new int[2]);
      c[1]++;
      if (expected == null ? actual == null : expected.equals(actual)) {
        c[0]++;
      } else {
        failures.add(field + " " + label + ": expected <" + expected + "> got <" + actual + ">");
      }
    }

    double rate(String field) {
      int[] c = counts.get(field);
      return c == null || c[1] == 0 ? 1 : (double) c[0] / c[1];
    }

    void print(String name) {
      counts.forEach((field, c) -> System.out.printf(Locale.ROOT, "ACCURACY %-10s %-26s %4d/%-4d %.3f%n",
          name, field, c[0], c[1], (double) c[0] / c[1]));
      failures.forEach(f -> System.out.println("  FAIL " + name + " " + f));
    }

    static Score merge(Iterable<Score> scores) {
      Score all = new Score();
      for (Score s : scores) {
        s.counts.forEach((f, c) -> {
          int[] a = all.counts.computeIfAbsent(f, k -> new int[2]);
          a[0] += c[0];
          a[1] += c[1];
        });
      }
      return all;
    }
  }
}
