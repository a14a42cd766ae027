package org.stdsearch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XML that leans on its DTD extracts, with entity expansion bounded and nothing fetched (issue
 * 15: ISO STS samples failed on an unbound {@code tbx:} prefix and on 94 expansions of their own
 * internal entities; one with empty metadata only was {@code empty}).
 */
class LenientXmlTest {
  @TempDir static Path dir;
  static TikaExtractor tika;

  @BeforeAll
  static void start() {
    ExtractionLimits limits = ExtractionLimits.defaults();
    tika = new TikaExtractor(TikaConfig.getDefaultConfig(), limits.maxChars(), limits.garbledShare());
  }

  @Test
  void readsPrefixesAndEntitiesThatTheUnreadDtdDeclares() throws Exception {
    Path xml = Files.writeString(dir.resolve("tbx.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE standard SYSTEM "../ISOSTS.dtd">
        <standard><front><iso-meta><title-wrap xml:lang="en"><full>Welding &mdash; &Eacute;lectrodes</full>
          </title-wrap></iso-meta></front><body><term-sec><tbx:termEntry id="t1"><tbx:langSet xml:lang="en">
          <tbx:definition><ext-link xlink:href="http://example.invalid">covered electrode</ext-link></tbx:definition>
          <tbx:tig><tbx:term>inline element</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry></term-sec></body>
        </standard>
        """);

    ParseOutcome o = tika.parse(xml);

    assertThat(o.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(o.text()).contains("Welding — Électrodes").contains("inline element").contains("covered electrode");
  }

  @Test
  void expandsTheDocumentsOwnEntitiesBeyondTikasLimitOfTwenty() throws Exception {
    String cells = "<td>&cell;</td>".repeat(120);
    Path xml = Files.writeString(dir.resolve("tables.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE standard [ <!ENTITY cell "table cell text"> ]>
        <standard><body><table><tr>%s</tr></table></body></standard>
        """.formatted(cells));

    ParseOutcome o = tika.parse(xml);

    assertThat(o.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(o.text().split("table cell text", -1)).hasSize(121);
  }

  @Test
  void stopsABillionLaughsWithAClearReason() throws Exception {
    StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    Path xml = Files.writeString(dir.resolve("laughs.xml"),
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n" + dtd + "]>\n<lolz>&lol9;</lolz>\n");

    ParseOutcome o = tika.parse(xml);

    assertThat(o.status()).isEqualTo(ExtractionStatus.FAILED);
    assertThat(o.reason()).containsIgnoringCase("entit");
    assertThat(o.text().length()).isLessThan(LenientXml.MAX_ENTITY_CHARS);
  }

  @Test
  void neverReadsAnExternalEntity() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "do-not-leak-this");
    Path xml = Files.writeString(dir.resolve("xxe.xml"), """
        <?xml version="1.0"?>
        <!DOCTYPE standard [ <!ENTITY secret SYSTEM "%s"> ]>
        <standard><p>before &secret; after</p><tbx:term>x</tbx:term></standard>
        """.formatted(secret.toUri()));

    ParseOutcome o = tika.parse(xml);

    assertThat(o.text()).contains("before").doesNotContain("do-not-leak-this");
  }

  @Test
  void anStsSkeletonWithoutWordsIsReadInFull() throws Exception {
    Path xml = Files.writeString(dir.resolve("skeleton.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE standard SYSTEM "../ISOSTS.dtd">
        <standard><front><iso-meta><title-wrap><main></main></title-wrap><std-ref></std-ref></iso-meta>
        <nat-meta><std-ref></std-ref></nat-meta></front><body><!-- no text --></body></standard>
        """);

    assertThat(tika.parse(xml).status()).isEqualTo(ExtractionStatus.OK);
  }

  @Test
  void xmlThatIsNotWellFormedStillFails() throws Exception {
    Path xml = Files.writeString(dir.resolve("broken.xml"), "<?xml version=\"1.0\"?>\n<standard><p>open</standard>\n");

    ParseOutcome o = tika.parse(xml);

    assertThat(o.status()).isEqualTo(ExtractionStatus.FAILED);
  }
}
