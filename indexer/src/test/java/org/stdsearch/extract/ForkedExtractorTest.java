package org.stdsearch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.integration.Fixtures;

/** Extraction through real worker JVMs with real Tika, on generated documents of each kind. */
class ForkedExtractorTest {
  @TempDir static Path dir;
  static ForkedExtractor extractor;

  @BeforeAll
  static void start() {
    extractor = new ForkedExtractor(2, ExtractionLimits.defaults(), null);
  }

  @AfterAll
  static void stop() {
    extractor.close();
  }

  private static ExtractedDocument extract(Path file) throws Exception {
    return extractor.extract(dir, file, "hash", Files.size(file), "application/octet-stream");
  }

  /**
   * The worker parses a file as the type detected before extraction instead of detecting it again,
   * and detects it itself when that type is unknown.
   */
  @Test
  void parsesAsTheTypeDetectedBeforeExtraction() throws Exception {
    Path page = Fixtures.html(dir.resolve("typed.html"), "typedmarker", "数据资源 public data");

    ExtractedDocument asText = extractor.extract(dir, page, "hash", Files.size(page), "text/plain");
    ExtractedDocument detected = extract(page);

    assertThat(asText.mimeType()).isEqualTo("text/plain");
    assertThat(asText.text()).contains("typedmarker").contains("<html", "</p>");
    assertThat(detected.mimeType()).isEqualTo("text/html");
    assertThat(detected.text()).contains("typedmarker").doesNotContain("<html", "</p>");
  }

  @Test
  void keepsPageBoundariesOfAPdf() throws Exception {
    ExtractedDocument doc = extract(Fixtures.englishPdf(dir.resolve("three.pdf"), "paging", 3));

    assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(doc.mimeType()).isEqualTo("application/pdf");
    assertThat(doc.pageCount()).isEqualTo(3);
    assertThat(doc.pageText(2)).contains("Page 2 of the paging").contains("pageword2").doesNotContain("pageword3");
    assertThat(doc.pageAt(doc.text().indexOf("pageword3"))).isEqualTo(3);
    assertThat(doc.relativePath()).isEqualTo("three.pdf");
  }

  @Test
  void readsChineseFromAPdfWithAnEmbeddedCjkFont() throws Exception {
    ExtractedDocument doc = extract(Fixtures.chinesePdf(dir.resolve("zh.pdf"), "标记词"));

    assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(doc.text()).contains("个人信息安全规范").contains("权责一致");
    assertThat(doc.pageCount()).isEqualTo(2);
  }

  @Test
  void marksAPdfWithoutTextLayerEmpty() throws Exception {
    ExtractedDocument doc = extract(Fixtures.scannedPdf(dir.resolve("scan.pdf")));

    assertThat(doc.status()).isEqualTo(ExtractionStatus.EMPTY);
    assertThat(doc.reason()).contains("no text layer");
  }

  @Test
  void marksAPasswordProtectedPdfEncrypted() throws Exception {
    ExtractedDocument doc = extract(Fixtures.encryptedPdf(dir.resolve("locked.pdf")));

    assertThat(doc.status()).isEqualTo(ExtractionStatus.ENCRYPTED);
    assertThat(doc.reason()).startsWith("encrypted");
  }

  @Test
  void failsACorruptPdfWithAReasonAndNoPath() throws Exception {
    ExtractedDocument doc = extract(Fixtures.corruptPdf(dir.resolve("broken.pdf"), dir));

    assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
    assertThat(doc.reason()).isNotBlank().doesNotContain(dir.toString());
  }

  @Test
  void marksPrivateUseTextGarbled() throws Exception {
    String junk = "\uE001\uE002\uE003\uE004 ".repeat(200) + "some words";
    ExtractedDocument doc = extract(Fixtures.text(dir.resolve("junk.txt"), junk));

    assertThat(doc.status()).isEqualTo(ExtractionStatus.GARBLED);
    assertThat(doc.reason()).contains("private-use");
  }

  @Test
  void marksTextOverTheCapTruncatedAndKeepsThePrefix() throws Exception {
    Path big = Fixtures.text(dir.resolve("big.txt"), "word ".repeat(10_000));
    try (ForkedExtractor capped = new ForkedExtractor(1, ExtractionLimits.defaults().withMaxChars(1000), null)) {
      ExtractedDocument doc = capped.extract(dir, big, "h", Files.size(big), "text/plain");

      assertThat(doc.status()).isEqualTo(ExtractionStatus.TRUNCATED);
      assertThat(doc.text()).hasSize(1000).contains("word word");
      assertThat(doc.reason()).contains("1000");
    }
  }

  @Test
  void extractsOfficeOpenDocumentRtfEpubHtmlAndXml() throws Exception {
    assertThat(extract(Fixtures.docx(dir.resolve("a.docx"), "docxmarker", "Quantum key distribution")).text())
        .contains("docxmarker").contains("Quantum key distribution");
    assertThat(extract(Fixtures.odt(dir.resolve("a.odt"), "odtmarker", "区块链 服务")).text())
        .contains("odtmarker").contains("区块链");
    assertThat(extract(Fixtures.rtf(dir.resolve("a.rtf"), "rtfmarker", "云计算 cloud")).text())
        .contains("rtfmarker").contains("云计算");
    assertThat(extract(Fixtures.epub(dir.resolve("a.epub"), "epubmarker", "metaverse rendering")).text())
        .contains("epubmarker").contains("metaverse rendering");
    assertThat(extract(Fixtures.html(dir.resolve("a.html"), "htmlmarker", "数据资源 public data")).text())
        .contains("htmlmarker").contains("数据资源");
    assertThat(extract(Fixtures.stsXml(dir.resolve("a.xml"), "stsmarker", "industrial internet")).text())
        .contains("stsmarker").contains("industrial internet");
  }

  @Test
  void killsAHangingParseAtTheTimeoutAndCarriesOn() throws Exception {
    Path config = hostileConfig();
    Path hang = Fixtures.text(dir.resolve("hang.txt"), "SLEEP forever");
    Path fine = Fixtures.text(dir.resolve("fine.txt"), "an ordinary document");
    ExtractionLimits limits = ExtractionLimits.defaults().withTimeout(Duration.ofSeconds(3));
    try (ForkedExtractor hostile = new ForkedExtractor(1, limits, config)) {
      ExtractedDocument hung = hostile.extract(dir, hang, "h", 13, "text/plain");
      ExtractedDocument next = hostile.extract(dir, fine, "h", 20, "text/plain");

      assertThat(hung.status()).isEqualTo(ExtractionStatus.FAILED);
      assertThat(hung.reason()).contains("timed out after 3 s");
      assertThat(next.status()).isEqualTo(ExtractionStatus.OK);
      assertThat(next.text()).contains("an ordinary document");
      assertThat(hostile.workersStarted()).isEqualTo(2); // the hung worker was replaced
    }
  }

  @Test
  void failsAParseThatExhaustsTheWorkerHeapAndCarriesOn() throws Exception {
    Path config = hostileConfig();
    Path hog = Fixtures.text(dir.resolve("hog.txt"), "ALLOCATE everything");
    Path fine = Fixtures.text(dir.resolve("fine2.txt"), "another ordinary document");
    ExtractionLimits limits = ExtractionLimits.defaults().withWorkerHeapMb(96);
    try (ForkedExtractor hostile = new ForkedExtractor(1, limits, config)) {
      ExtractedDocument hogged = hostile.extract(dir, hog, "h", 19, "text/plain");
      ExtractedDocument next = hostile.extract(dir, fine, "h", 25, "text/plain");

      assertThat(hogged.status()).isEqualTo(ExtractionStatus.FAILED);
      assertThat(hogged.reason()).contains("out of memory").contains("96 MB");
      assertThat(hogged.mimeType()).isEqualTo("text/plain");
      assertThat(next.status()).isEqualTo(ExtractionStatus.OK);
    }
  }

  private static Path hostileConfig() throws URISyntaxException {
    return Path.of(ForkedExtractorTest.class.getResource("hostile-tika-config.xml").toURI());
  }
}
