package org.stdsearch.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StructureReaderTest {
  private static final List<Pattern> HEADING_PATTERNS = List.of(StructureReader.NUMBERED, StructureReader.BARE_NUMBER,
      StructureReader.ANNEX, StructureReader.ANNEX_SUB, StructureReader.TERM_LINE);

  @Test
  void passesLinesThatStartLikeAHeadingAndNoOthers() {
    assertThat(StructureReader.mayStartHeading("4.2.1 Title")).isTrue();
    assertThat(StructureReader.mayStartHeading(" \t附录 A")).isTrue();
    assertThat(StructureReader.mayStartHeading("Annex B (informative)")).isTrue();
    assertThat(StructureReader.mayStartHeading("信息安全技术要求如下")).isFalse();
    assertThat(StructureReader.mayStartHeading("the server answers")).isFalse();
    assertThat(StructureReader.mayStartHeading(" \t ")).isFalse();
    assertThat(StructureReader.mayStartHeading("\u30001 Scope")).isFalse(); // the patterns allow spaces and tabs only
  }

  /** Every line that any heading pattern matches passes the quick test, so skipping the others loses no heading. */
  @Test
  void neverSkipsALineAHeadingPatternMatches() {
    List<String> pieces = List.of("1", "2", "12", ".", " ", "\t", "附", "录", "A", "B", "Annex", "Appendix", "x", "中",
        ":", "（", "\u3000", "\u00a0");
    Random random = new Random(11);
    int matched = 0;
    for (int n = 0; n < 100_000; n++) {
      String text = randomLine(random, pieces, 7);
      if (HEADING_PATTERNS.stream().anyMatch(p -> p.matcher(text).matches())) {
        matched++;
        assertThat(StructureReader.mayStartHeading(text)).as(text).isTrue();
      }
    }
    assertThat(matched).as("lines some pattern matched").isGreaterThan(1_000);
  }

  /** Every line in which the dot-leader pattern finds something passes the quick test. */
  @Test
  void neverSkipsALineWithLeaders() {
    assertThat(StructureReader.mayHaveLeaders("4.2 Scope ........ 12")).isTrue();
    assertThat(StructureReader.mayHaveLeaders("范围……3")).isTrue();
    assertThat(StructureReader.mayHaveLeaders("The server answers. Then it stops.")).isFalse();
    List<String> pieces = List.of("1", "23", ".", ". ", " ", "\t", "…", "⋯", "·", "A", "x", "中", "\u0085", "\u2028",
        "\u3000", "\u00a0", "\r");
    Random random = new Random(5);
    int found = 0;
    for (int n = 0; n < 100_000; n++) {
      String text = randomLine(random, pieces, 9);
      if (StructureReader.LEADERS.matcher(text).find()) {
        found++;
        assertThat(StructureReader.mayHaveLeaders(text)).as(text).isTrue();
      }
    }
    assertThat(found).as("lines with leaders").isGreaterThan(10_000);
  }

  /** Up to {@code maxPieces - 1} pieces drawn from {@code pieces}. */
  private static String randomLine(Random random, List<String> pieces, int maxPieces) {
    StringBuilder line = new StringBuilder();
    for (int k = random.nextInt(maxPieces); k > 0; k--) {
      line.append(pieces.get(random.nextInt(pieces.size())));
    }
    return line.toString();
  }
}
