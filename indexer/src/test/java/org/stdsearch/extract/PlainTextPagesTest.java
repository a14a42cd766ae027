package org.stdsearch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain text pages by its form feeds, through real Tika (issue 15: every passage of an RFC's
 * {@code .txt} said "p. 1" although its pages end in form feeds).
 */
class PlainTextPagesTest {
  private final TikaExtractor tika = new TikaExtractor(TikaConfig.getDefaultConfig(),
      ExtractionLimits.defaults().maxChars(), ExtractionLimits.defaults().garbledShare());

  @Test
  void formFeedsStartPages(@TempDir Path tmp) throws Exception {
    String page1 = "RFC 9999                 Pigeons                  June 2022\n\nFirst page text.\n\nWriter   [Page 1]\n";
    String page2 = "RFC 9999                 Pigeons                  June 2022\n\nSecond page text.\n\nWriter   [Page 2]\n";
    String page3 = "RFC 9999                 Pigeons                  June 2022\n\nThird page text.\n";
    Path file = tmp.resolve("rfc9999.txt");
    Files.writeString(file, page1 + "\f\n" + page2 + "\f\n" + page3, StandardCharsets.US_ASCII);

    ParseOutcome o = tika.parse(file);

    assertThat(o.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(o.pageStarts()).hasSize(3);
    ExtractedDocument doc = new ExtractedDocument("rfc9999.txt", "0", 0, o.mimeType(), o.status(), o.reason(), o.text(),
        o.pageStarts(), o.metadata(), 0);
    assertThat(doc.pageAt(o.text().indexOf("First page"))).isEqualTo(1);
    assertThat(doc.pageAt(o.text().indexOf("Second page"))).isEqualTo(2);
    assertThat(doc.pageAt(o.text().indexOf("Third page"))).isEqualTo(3);
    assertThat(doc.pageText(2)).startsWith("RFC 9999").contains("Second page").doesNotContain("First", "Third");
    assertThat(o.text()).contains("\f").doesNotContain("\uFFFD");
  }

  @Test
  void textWithoutFormFeedsIsOnePageAndKeepsReplacementCharactersInLines(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("plain.txt");
    Files.writeString(file, "A line with a stray \uFFFD inside.\nAnother line.\n", StandardCharsets.UTF_8);

    ParseOutcome o = tika.parse(file);

    assertThat(o.pageStarts()).containsExactly(0);
    assertThat(o.text()).contains("stray \uFFFD inside");
  }

  /** Text whose lines look like comma-separated columns stays text: quotes and commas as written. */
  @Test
  void textThatLooksLikeColumnsIsReadAsWritten(@TempDir Path tmp) throws Exception {
    StringBuilder text = new StringBuilder("Annex C (informative) Test vectors\n");
    for (int i = 0; i < 40; i++) {
      text.append("\"vector ").append(i).append(", key\",").append(1000 + i).append(",\"expected, ").append(i).append("\"\n");
    }
    Path file = tmp.resolve("vectors.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);

    ParseOutcome o = tika.parse(file);

    assertThat(o.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(o.mimeType()).startsWith("text/plain");
    assertThat(o.text()).contains("\"vector 7, key\",1007,\"expected, 7\"");
  }
}
