package org.stdsearch.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Measures the classifier against hand labels: {@code labelled-shared.tsv} over the shared test
 * corpus (read in place, never copied), and {@code corpus/expected.json} when present.
 * Prints precision/recall per top-level field; fails only below a floor, i.e. on a real regression.
 */
class FieldClassifierEvaluationTest {

  private static final double MICRO_F1_FLOOR = 0.5;
  private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "html", "htm", "xml", "bs", "md");
  private static final Pattern SCRIPTS = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
  private static final Pattern TAGS = Pattern.compile("(?s)<[^>]*>");

  private final Taxonomy taxonomy = Taxonomy.bundled();
  private final FieldClassifier classifier = new FieldClassifier(taxonomy);

  @Test
  void meetsTheFloorOnTheLabelledSharedCorpus() throws IOException {
    Path corpus = Path.of(System.getProperty("stdsearch.sharedCorpus", "../../shared/corpus"));
    assumeTrue(Files.isRegularFile(corpus.resolve("MANIFEST.tsv")), "shared corpus not found at " + corpus);
    Map<String, String> titles = manifestTitles(corpus.resolve("MANIFEST.tsv"));

    FieldEvaluation eval = new FieldEvaluation(taxonomy);
    for (String line : resourceLines("labelled-shared.tsv")) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("relative_path\t")) {
        continue;
      }
      String[] cols = line.split("\t");
      String path = cols[0];
      String title = titles.get(path);
      assertThat(title).as("MANIFEST entry for " + path).isNotNull();
      String text = bodyText(corpus.resolve(path));
      boolean zh = title.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff);
      ClassificationInput in = new ClassificationInput(zh ? title : "", zh ? "" : title, text, List.of(), List.of(), List.of());
      eval.add(path, ids(cols[1]), predicted(in));
    }
    String report = eval.report("labelled-shared.tsv on " + corpus);
    System.out.println(report);
    assertThat(eval.topLevelMicroF1()).as(report).isGreaterThanOrEqualTo(MICRO_F1_FLOOR);
  }

  @Test
  void meetsTheFloorOnTheSampleStandards() throws IOException {
    Path root = Path.of(System.getProperty("stdsearch.projectRoot", ".."));
    Path expected = root.resolve("corpus/expected.json");
    assumeTrue(Files.isRegularFile(expected), "no " + expected);
    JsonNode json = new ObjectMapper().readTree(expected.toFile());
    JsonNode entries = json.path("documents");
    FieldEvaluation eval = new FieldEvaluation(taxonomy);
    for (JsonNode e : entries) {
      if (!e.has("fields")) {
        continue;
      }
      String file = e.path("file").asText(e.path("path").asText(""));
      Path doc = expected.getParent().resolve(file);
      String text = file.isEmpty() ? "" : bodyText(doc);
      ClassificationInput in = new ClassificationInput(e.path("title_zh").asText(""), e.path("title_en").asText(""),
          text, strings(e.path("ics")), strings(e.path("ccs")), List.of());
      Set<String> exp = new LinkedHashSet<>(strings(e.path("fields")));
      eval.add(file.isEmpty() ? e.path("identifier").asText("?") : file, mostSpecific(exp), predicted(in));
    }
    String report = eval.report(expected.toString());
    System.out.println(report);
    assertThat(eval.topLevelMicroF1()).as(report).isGreaterThanOrEqualTo(MICRO_F1_FLOOR);
  }

  private Set<String> predicted(ClassificationInput in) {
    return classifier.classify(in).stream().map(FieldAssignment::fieldId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Ground truth may list ancestors too; compare most-specific ids like the classifier returns. */
  private Set<String> mostSpecific(Set<String> ids) {
    return ids.stream()
        .filter(id -> ids.stream().noneMatch(other -> !other.equals(id) && taxonomy.path(other).contains(id)))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static Set<String> ids(String column) {
    return column.strip().equals("-") ? Set.of()
        : new LinkedHashSet<>(Arrays.asList(column.strip().split("\\s+")));
  }

  private static List<String> strings(JsonNode node) {
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    return node.isArray() ? java.util.stream.StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList()
        : List.of();
  }

  private static Map<String, String> manifestTitles(Path manifest) throws IOException {
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
    int pathCol = header.indexOf("relative_path");
    int titleCol = header.indexOf("standard");
    Map<String, String> titles = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cols = line.split("\t", -1);
      if (cols.length > Math.max(pathCol, titleCol)) {
        titles.put(cols[pathCol], cols[titleCol]);
      }
    }
    return titles;
  }

  /** For text formats, the first characters with markup crudely stripped; nothing for binaries. */
  private static String bodyText(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String ext = name.substring(name.lastIndexOf('.') + 1);
    if (!TEXT_EXTENSIONS.contains(ext) || !Files.isRegularFile(file)) {
      return "";
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(400_000); // markup-heavy files need many bytes for 20k chars of text
    }
    String raw = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(head)).toString();
    String text = TAGS.matcher(SCRIPTS.matcher(raw).replaceAll(" ")).replaceAll(" ")
        .replace("&nbsp;", " ").replace("&amp;", "&").replaceAll("\\s+", " ");
    return text.length() > FieldClassifier.TEXT_LIMIT ? text.substring(0, FieldClassifier.TEXT_LIMIT) : text;
  }

  private static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = FieldClassifierEvaluationTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
