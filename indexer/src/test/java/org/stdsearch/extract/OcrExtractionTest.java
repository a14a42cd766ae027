package org.stdsearch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.integration.Fixtures;

/**
 * OCR through real worker JVMs and real Tesseract (issue 6), on generated scans with known
 * Chinese and English text. Skipped when tesseract with chi_sim and eng is not installed.
 */
class OcrExtractionTest {
  // One script per line: Tesseract's chi_sim+eng misreads a Chinese word after a space as Latin
  // now and then ("信息安全技术 密码杂凑算法" came back as "信息安全技术 BMARAE"), a model limit.
  private static final String[][] PAGES = {
    {"GB/T 99002-2024", "个人信息安全规范", "Cryptographic hash algorithm"},
    {"4 基本原则", "数据加密与密钥管理", "Interoperability requirements"}
  };

  @TempDir static Path dir;
  static ForkedExtractor extractor;

  @BeforeAll
  static void start() {
    OcrOptions options = OcrOptions.defaults().withCacheDir(dir.resolve("ocr-cache"));
    extractor = new ForkedExtractor(1, ExtractionLimits.defaults(), null, options);
  }

  @AfterAll
  static void stop() {
    if (extractor != null) {
      extractor.close();
    }
  }

  private static void assumeTesseract() {
    var installed = extractor.ocrInstallation();
    assumeTrue(installed.available() && installed.problem() == null,
        "tesseract with chi_sim and eng not installed: " + installed.problem());
  }

  private static ExtractedDocument ocr(Path file, String hash) throws Exception {
    return extractor.ocr(dir, file, hash, Files.size(file), "application/octet-stream");
  }

  @Test
  void aPdfWithNoPageToRecogniseSaysSo() throws Exception {
    // Issue 19: a fuzzed PDF was reported as "OCR failed on all 0 pages".
    assumeTesseract();
    Path broken = dir.resolve("no-pages.pdf");
    Files.writeString(broken, """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """);
    ExtractedDocument doc = ocr(broken, "bbbb0002");
    assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
    assertThat(doc.reason()).doesNotContain("0 pages").contains("no page to recognise");
  }

  @Test
  void recognisesChineseAndEnglishOnEachPageOfAnImageOnlyPdf() throws Exception {
    assumeTesseract();
    Path scan = Fixtures.scannedTextPdf(dir.resolve("scan.pdf"), dir, PAGES);
    ExtractedDocument first = extractor.extract(dir, scan, "aaaa0001", Files.size(scan), "application/pdf");
    assertThat(first.status()).isEqualTo(ExtractionStatus.EMPTY); // Tika's own OCR stays off
    assertThat(extractor.wantsOcr(first)).isTrue();

    ExtractedDocument doc = ocr(scan, "aaaa0001");

    assertThat(doc.status()).isEqualTo(ExtractionStatus.OCR);
    assertThat(doc.reason()).isEqualTo("text recognised from 2 of 2 page images");
    assertThat(doc.pageCount()).isEqualTo(2);
    assertThat(squeeze(doc.pageText(1))).contains("99002-2024", "个人信息安全规范", "Cryptographichashalgorithm");
    assertThat(squeeze(doc.pageText(2))).contains("基本原则", "密钥管理", "Interoperability").doesNotContain("规范");
    assertThat(doc.firstMetadata("X-Stdsearch:ocr-pages")).isEqualTo("2/2");
    // two pages, and the cover a second time at half the resolution, for its title
    assertThat(doc.firstMetadata("X-Stdsearch:ocr-tesseract-calls")).isEqualTo("3");
    assertThat(squeeze(doc.firstMetadata(ExtractedDocument.OCR_COVER_READING))).contains("个人信息安全规范");
    assertThat(Double.parseDouble(doc.firstMetadata("X-Stdsearch:ocr-seconds-per-page"))).isPositive();
    assertThat(doc.mimeType()).isEqualTo("application/pdf");
  }

  @Test
  void readsTheSecondRunFromTheCacheWithoutRunningTesseract() throws Exception {
    assumeTesseract();
    Path scan = Fixtures.scannedTextPdf(dir.resolve("cached.pdf"), dir, PAGES);
    ExtractedDocument first = ocr(scan, "bbbb0002");
    Path renamed = Files.copy(scan, dir.resolve("renamed copy.pdf")); // same content, same hash

    ExtractedDocument second = ocr(renamed, "bbbb0002");

    assertThat(first.firstMetadata("X-Stdsearch:ocr-tesseract-calls")).isEqualTo("3");
    assertThat(second.firstMetadata("X-Stdsearch:ocr-tesseract-calls")).isEqualTo("0");
    assertThat(second.firstMetadata(ExtractedDocument.OCR_COVER_READING))
        .isEqualTo(first.firstMetadata(ExtractedDocument.OCR_COVER_READING));
    assertThat(second.firstMetadata("X-Stdsearch:ocr-cache-hits")).isEqualTo("2");
    assertThat(second.text()).isEqualTo(first.text());
    assertThat(second.pageStarts()).isEqualTo(first.pageStarts());
    assertThat(second.relativePath()).isEqualTo("renamed copy.pdf");
  }

  @Test
  void failsACorruptImageWithAReasonAndRecognisesTheNextImage() throws Exception {
    assumeTesseract();
    Path broken = Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    Path good = dir.resolve("page.png");
    ImageIO.write(Fixtures.scannedPage(PAGES[0], 300, dir), "png", good.toFile());

    ExtractedDocument bad = ocr(broken, "cccc0003");
    ExtractedDocument next = ocr(good, "dddd0004");

    assertThat(bad.status()).isEqualTo(ExtractionStatus.FAILED);
    assertThat(bad.reason()).startsWith("OCR could not read the image").doesNotContain(dir.toString());
    assertThat(next.status()).isEqualTo(ExtractionStatus.OCR);
    assertThat(next.mimeType()).isEqualTo("image/png");
    assertThat(squeeze(next.text())).contains("个人信息安全规范", "Cryptographichashalgorithm");
  }

  /** Issue 15: a page whose font has no Unicode map is recognised from its image, the others keep their text layer. */
  @Test
  void recognisesOnlyThePagesWhoseTextLayerIsUnreadable() throws Exception {
    assumeTesseract();
    String[][] pages = {
      {"GB/T 99003-2024", "信息安全技术 密码应用标识规范", "本文件规定了密码应用标识的编码规则和表示方法。",
          "标识用于在密码应用中区分算法、协议和数据格式。"},
      {"1 范围", "数据加密与密钥管理", "本文件适用于密码产品的研制、检测和使用。", "密钥管理应满足国家密码标准的要求。"}
    };
    Path pdf = BrokenFontPdf.write(dir.resolve("mixed.pdf"), pages, BrokenFontPdf.Breakage.NO_MAP, 2);
    ExtractedDocument first = extractor.extract(dir, pdf, "ffff0006", Files.size(pdf), "application/pdf");
    assertThat(first.status()).isEqualTo(ExtractionStatus.GARBLED);
    assertThat(extractor.wantsOcr(first)).isTrue();
    assertThat(extractor.pagesToRecognise(first)).isEqualTo(1);

    ExtractedDocument doc = ocr(pdf, "ffff0006");

    assertThat(doc.status()).isEqualTo(ExtractionStatus.OCR);
    assertThat(doc.firstMetadata("X-Stdsearch:pages-ocr")).isEqualTo("2");
    assertThat(doc.firstMetadata("X-Stdsearch:pages-text-layer")).isEqualTo("1");
    assertThat(doc.firstMetadata("X-Stdsearch:ocr-tesseract-calls")).isEqualTo("1"); // no cover reading: page 1 is text
    assertThat(doc.reason()).contains("text recognised from 1 of 1 page images").contains("text layer on the other 1 of 2");
    assertThat(doc.pageText(1)).contains("本文件规定了密码应用标识的编码规则和表示方法"); // exact: from the text layer
    assertThat(squeeze(doc.pageText(2))).contains("数据加密与密钥管理");
  }

  @Test
  void refusesADocumentThatIsNeitherPdfNorImage() throws Exception {
    assumeTesseract();
    Path text = Files.writeString(dir.resolve("plain.txt"), "plain text");

    ExtractedDocument doc = ocr(text, "eeee0005");

    assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
    assertThat(doc.reason()).contains("not text/plain");
  }

  /** OCR output spaces Latin words irregularly; compare without whitespace. */
  private static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }
}
