package org.stdsearch.recognise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Parses the identifiers named in the shared corpus manifest ({@code stdsearch.sharedCorpus},
 * set by surefire). Reads only the manifest; no shared document is copied into the project.
 */
class IdentifierParserCorpusTest {

  /** The manifest's {@code standard} column: the identifier, then the title. */
  private static final int STANDARD_COLUMN = 5;

  @Test
  void parsesMostIdentifiersNamedInTheManifest() throws IOException {
    List<String[]> rows = manifestRows("cn/", "intl/");
    List<String> unparsed = new ArrayList<>();
    int parsed = 0;
    for (String[] row : rows) {
      Optional<StandardIdentifier> id = leadingIdentifier(row[STANDARD_COLUMN]);
      if (id.isPresent()) {
        parsed++;
      } else {
        unparsed.add(row[STANDARD_COLUMN]);
      }
    }
    System.out.printf("MANIFEST cn/ + intl/: %d of %d parsed (%.1f%%)%n", parsed, rows.size(),
        100.0 * parsed / rows.size());
    unparsed.forEach(s -> System.out.println("  not an identifier: " + s));

    // The rest name no identifier: OSCCA public releases, a ZUC draft, an Internet-Draft, the
    // ETSI/SAGE specification and a JTC 1 working-group document.
    assertThat(parsed).isGreaterThanOrEqualTo(rows.size() * 3 / 4);
    assertThat(unparsed).allSatisfy(s -> assertThat(s).doesNotStartWith("GB").doesNotStartWith("GM/")
        .doesNotStartWith("JT/").doesNotStartWith("T/").doesNotStartWith("ITU-T"));
  }

  @Test
  void parsesEveryRfcNamedInTheManifest() throws IOException {
    // Every rfc/ row names one RFC except the RFC Editor's index itself.
    List<String[]> rows = manifestRows("rfc/").stream()
        .filter(row -> !row[0].equals("rfc/rfc-index.txt"))
        .toList();
    long parsed = rows.stream()
        .filter(row -> leadingIdentifier(row[STANDARD_COLUMN])
            .filter(id -> id.family().equals("RFC")).isPresent())
        .count();
    System.out.printf("MANIFEST rfc/: %d of %d parsed%n", parsed, rows.size());

    assertThat(parsed).isEqualTo(rows.size());
  }

  /** The longest run of leading words that parses: "GB/T 32918.2-2016 信息安全技术 ..." → GB/T 32918.2-2016. */
  private static Optional<StandardIdentifier> leadingIdentifier(String standard) {
    String[] words = standard.split(" ");
    for (int n = Math.min(words.length, 6); n > 0; n--) {
      Optional<StandardIdentifier> id =
          IdentifierParser.parse(String.join(" ", Arrays.copyOf(words, n)));
      if (id.isPresent()) {
        return id;
      }
    }
    return Optional.empty();
  }

  private static List<String[]> manifestRows(String... folders) throws IOException {
    String corpus = System.getProperty("stdsearch.sharedCorpus");
    assumeTrue(corpus != null, "stdsearch.sharedCorpus is not set");
    Path manifest = Path.of(corpus, "MANIFEST.tsv");
    assumeTrue(Files.isRegularFile(manifest), "no shared corpus at " + corpus);
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      String[] row = line.split("\t", -1);
      if (row.length > STANDARD_COLUMN && Arrays.stream(folders).anyMatch(row[0]::startsWith)) {
        rows.add(row);
      }
    }
    return rows;
  }
}
