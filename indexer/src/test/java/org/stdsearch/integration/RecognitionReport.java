package org.stdsearch.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The figures per group and the list of misses, as the markdown of docs/recognition.md. */
final class RecognitionReport {
  static final List<String> GROUPS =
      List.of("cn", "intl", "w3c", "sts", "rfc/txt", "rfc/html", "rfc/xml", "rfc/pdf", "rfc/extra");
  static final String MISSES_HEADING = "## Every miss";

  private RecognitionReport() {}

  /** One table row per group, and a total. */
  static String table(List<RecognitionVerdict> verdicts) {
    Map<String, List<RecognitionVerdict>> byGroup = new LinkedHashMap<>();
    GROUPS.forEach(g -> byGroup.put(g, new ArrayList<>()));
    verdicts.forEach(v -> byGroup.computeIfAbsent(v.expected().group(), g -> new ArrayList<>()).add(v));
    StringBuilder sb = new StringBuilder();
    sb.append("| group | documents | identifier right (of those the corpus names) | of which the text never shows it "
        + "| title right (of those the corpus names) | no title | placeholder, hex or garbage title "
        + "| identifier where the corpus names none |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    byGroup.forEach((group, vs) -> {
      if (!vs.isEmpty()) {
        sb.append(row(group, vs));
      }
    });
    sb.append(row("**all**", verdicts));
    return sb.toString();
  }

  private static String row(String group, List<RecognitionVerdict> vs) {
    int printed = 0;
    int idRight = 0;
    int titleRight = 0;
    int titled = 0;
    int none = 0;
    int bad = 0;
    int extra = 0;
    int absent = 0;
    for (RecognitionVerdict v : vs) {
      if (v.identifierRight() != null) {
        printed++;
        idRight += v.identifierRight() ? 1 : 0;
        absent += v.identifierInText() ? 0 : 1;
      } else if (v.identifier() != null) {
        extra++;
      }
      if (v.titleRight() != null) {
        titled++;
        titleRight += v.titleRight() ? 1 : 0;
      }
      none += v.titleKind() == TitleCheck.Kind.NONE ? 1 : 0;
      bad += v.badTitle() ? 1 : 0;
    }
    return String.format(Locale.ROOT, "| %s | %d | %s | %d | %s | %d | %d | %d |%n", group, vs.size(),
        printed == 0 ? "none named" : share(idRight, printed), absent,
        titled == 0 ? "none named" : share(titleRight, titled), none, bad, extra);
  }

  private static String share(int part, int whole) {
    return String.format(Locale.ROOT, "%d / %d (%.1f%%)", part, whole, 100.0 * part / whole);
  }

  /** The misses, one table row each, grouped and sorted by path. */
  static String misses(List<RecognitionVerdict> verdicts) {
    Map<String, TreeMap<String, String>> byGroup = new LinkedHashMap<>();
    GROUPS.forEach(g -> byGroup.put(g, new TreeMap<>()));
    for (RecognitionVerdict v : verdicts) {
      String line = v.missLine();
      if (!line.isEmpty()) {
        byGroup.computeIfAbsent(v.expected().group(), g -> new TreeMap<>()).put(v.expected().path(), line);
      }
    }
    StringBuilder sb = new StringBuilder();
    byGroup.forEach((group, lines) -> {
      if (lines.isEmpty()) {
        return;
      }
      sb.append("\n### ").append(group).append(" (").append(lines.size()).append(")\n\n");
      sb.append("| document | extraction | identifier: expected → recognised | title: expected → shown |\n");
      sb.append("|---|---|---|---|\n");
      lines.values().forEach(l -> sb.append(l).append('\n'));
    });
    return sb.toString();
  }

  /** The documents recognised differently once renamed: their miss lines under both names. */
  static String differences(List<RecognitionVerdict> named, List<RecognitionVerdict> neutral) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < named.size(); i++) {
      RecognitionVerdict a = named.get(i);
      RecognitionVerdict b = neutral.get(i);
      if (!java.util.Objects.equals(a.identifier(), b.identifier()) || !java.util.Objects.equals(a.title(), b.title())) {
        sb.append("| `").append(a.expected().path()).append("` | ")
            .append(a.identifier() == null ? "∅" : "`" + a.identifier() + "`").append(" | ")
            .append(b.identifier() == null ? "∅" : "`" + b.identifier() + "`").append(" | ")
            .append(java.util.Objects.equals(a.title(), b.title()) ? "same" : "differs").append(" |\n");
      }
    }
    return sb.isEmpty() ? "None.\n"
        : "| document | identifier under its own name | under a neutral name | title |\n|---|---|---|---|\n" + sb;
  }

  /** The recognised identifiers of documents whose corpus entry names none: for a reader to judge. */
  static String identifiersWithoutTruth(List<RecognitionVerdict> verdicts) {
    StringBuilder sb = new StringBuilder();
    sb.append("| document | identifier recognised | title shown |\n|---|---|---|\n");
    verdicts.stream()
        .filter(v -> v.identifierRight() == null)
        .sorted(java.util.Comparator.comparing(v -> v.expected().path()))
        .forEach(v -> sb.append("| `").append(v.expected().path()).append("` | ")
            .append(v.identifier() == null ? "∅" : "`" + v.identifier() + "`").append(" | ")
            .append(v.title() == null ? "∅" : v.title().replaceAll("\\s+", " ").replace("|", "\\|"))
            .append(" |\n"));
    return sb.toString();
  }
}
