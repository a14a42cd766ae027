package org.stdsearch.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvFileSource(resources = "identifiers.tsv", delimiter = '\t', numLinesToSkip = 1,
      nullValues = "-")
  void parsesEverySpellingInTheTable(String input, String canonical, String undatedKey,
      String datedKey, String family) {
    StandardIdentifier id = IdentifierParser.parse(input).orElseThrow(
        () -> new AssertionError("not parsed: " + input));

    assertThat(id.canonical()).as("canonical").isEqualTo(canonical);
    assertThat(id.undatedKey()).as("undated key").isEqualTo(undatedKey);
    assertThat(id.datedKey()).as("dated key").isEqualTo(datedKey);
    assertThat(id.family()).as("family").isEqualTo(family);
    assertThat(id.indexKeys()).as("index keys").contains(undatedKey).doesNotContainNull();
    if (datedKey != null) {
      assertThat(id.indexKeys().getFirst()).isEqualTo(datedKey);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "identifiers.tsv", delimiter = '\t', numLinesToSkip = 1,
      nullValues = "-")
  void canonicalFormParsesBackToItself(String input, String canonical) {
    StandardIdentifier id = IdentifierParser.parse(canonical).orElseThrow();

    assertThat(id.canonical()).isEqualTo(canonical);
    assertThat(IdentifierParser.normaliseKey(canonical))
        .isEqualTo(id.datedKey() != null ? id.datedKey() : id.undatedKey());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "2020-03-06", "4.2.1", "35273", "ICS 35.040", "L 80",
      "WCAG 2.1", "HTTP/1.1", "TLS 1.3", "ISO/IEC JTC1/SC22/WG14 N1570",
      "GB/T", "RFC", "page 12", "第4.2.1条", "GB/T 35273-2020 信息安全技术",
      "ISO", "X.509", "ETSI/SAGE Specification", "SM5", "ECMA", "3GPP", "draft-", "draft-only"})
  void rejectsWhatIsNotOneIdentifier(String input) {
    assertThat(IdentifierParser.parse(input)).isEmpty();
  }

  @Test
  void parsesNothingFromNull() {
    assertThat(IdentifierParser.parse(null)).isEmpty();
  }

  @Test
  void splitsNumberPartsYearAndSupplement() {
    StandardIdentifier gb = IdentifierParser.parse("GB/T 32918.2-2016").orElseThrow();
    assertThat(gb.number()).isEqualTo("32918");
    assertThat(gb.parts()).containsExactly("2");
    assertThat(gb.year()).isEqualTo(2016);

    StandardIdentifier iec = IdentifierParser.parse("IEC 62443-3-3:2013").orElseThrow();
    assertThat(iec.number()).isEqualTo("62443");
    assertThat(iec.parts()).containsExactly("3", "3");

    StandardIdentifier cor = IdentifierParser.parse("ISO/IEC 27002:2013/Cor 1:2014").orElseThrow();
    assertThat(cor.year()).isEqualTo(2013);
    assertThat(cor.supplement()).isEqualTo("Cor 1:2014");

    StandardIdentifier etsi = IdentifierParser.parse("ETSI EN 303 645 V2.1.1 (2020-06)")
        .orElseThrow();
    assertThat(etsi.version()).isEqualTo("2.1.1");
    assertThat(etsi.year()).isEqualTo(2020);
    assertThat(etsi.month()).isEqualTo(6);

    StandardIdentifier itu = IdentifierParser.parse("ITU-T X.509 (10/2019)").orElseThrow();
    assertThat(itu.number()).isEqualTo("X.509");
    assertThat(itu.year()).isEqualTo(2019);
    assertThat(itu.month()).isEqualTo(10);
  }

  @Test
  void indexesMultiPartStandardUnderSeriesRootAndBareNumbers() {
    StandardIdentifier id = IdentifierParser.parse("GB/T 32918.2-2016").orElseThrow();

    assertThat(id.indexKeys()).containsExactly("GB/T32918.2-2016", "GB/T32918.2", "GB/T32918",
        "32918.2-2016", "32918.2", "32918");
  }

  @Test
  void indexesIsoPartUnderSeriesRoot() {
    assertThat(IdentifierParser.parse("IEC 62443-3-3:2013").orElseThrow().indexKeys())
        .containsExactly("IEC62443-3-3:2013", "IEC62443-3-3", "IEC62443", "IEC62443-3",
            "62443-3-3-2013", "62443-3-3", "62443", "62443-3");
  }

  @Test
  void indexesNationalAdoptionUnderTheInternationalStandardToo() {
    assertThat(IdentifierParser.parse("DIN EN ISO 13849-1:2008-12").orElseThrow().indexKeys())
        .containsSubsequence("DINENISO13849-1:2008-12", "DINENISO13849-1:2008",
            "DINENISO13849-1", "ISO13849-1");
  }

  @Test
  void indexesIeeeAmendmentUnderTheStandardItAmends() {
    assertThat(IdentifierParser.parse("IEEE 802.11ax-2021").orElseThrow().indexKeys())
        .contains("IEEESTD802.11AX-2021", "IEEESTD802.11AX", "IEEESTD802.11", "802.11AX");
  }

  @Test
  void normalisesFullWidthDashesSpacesAndCase() {
    assertThat(IdentifierParser.normaliseKey("gb／t\u300035273—2020")).isEqualTo("GB/T35273-2020");
    assertThat(IdentifierParser.normaliseKey("ISO/IEC 27001：2022")).isEqualTo("ISO/IEC27001:2022");
    assertThat(IdentifierParser.normaliseKey("GB/T\u00A035273\u2012\u20102020"))
        .isEqualTo("GB/T35273--2020");
  }

  @Test
  void buildsRfcsFromBareHeaderNumbers() {
    assertThat(IdentifierParser.rfc(2616).canonical()).isEqualTo("RFC 2616");
    assertThat(IdentifierParser.rfcList("2616, 7230"))
        .extracting(StandardIdentifier::canonical)
        .containsExactly("RFC 2616", "RFC 7230");
    assertThat(IdentifierParser.rfcList("RFC 2616, RFC 7230 (if approved)"))
        .extracting(StandardIdentifier::undatedKey)
        .containsExactly("RFC2616", "RFC7230");
  }
}
