package org.stdsearch.integration;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes test documents of every supported format with known content, using the real libraries
 * (PDFBox, POI) or the formats' own zip layouts (ODT, EPUB). Each document carries a marker word
 * so a test can find exactly it.
 */
public final class Fixtures {
  /** Debian's fonts-wqy-microhei; .ci/run installs it. */
  public static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

  private Fixtures() {}

  /** A multi-page English PDF: one paragraph per page, each page naming its number. */
  public static Path englishPdf(Path file, String marker, int pages) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 1; p <= pages; p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 12);
          cs.newLineAtOffset(72, 760);
          cs.showText("Page " + p + " of the " + marker + " specification.");
          cs.newLineAtOffset(0, -16);
          cs.showText("Cryptographic modules shall protect keys during storage and transport.");
          cs.newLineAtOffset(0, -16);
          cs.showText("This clause describes pageword" + p + " requirements for interoperability.");
          cs.endText();
        }
      }
      doc.save(file.toFile());
    }
    return file;
  }

  /** A Chinese PDF with the CJK font embedded (subset), text on two pages. */
  public static Path chinesePdf(Path file, String marker) throws IOException {
    return cjkTextPdf(file, 14, 24, new String[][] {
      {"GB/T 99001-2024", "信息安全技术 个人信息安全规范 " + marker, "1 范围", "本文件规定了个人信息处理活动应遵循的原则和安全要求。"},
      {"4 基本原则", "个人信息控制者应遵循权责一致、目的明确、选择同意的原则。", "数据加密与密钥管理应满足国家密码标准。"}
    });
  }

  /** A PDF set in the embedded CJK font, one array of lines per page. */
  public static Path cjkTextPdf(Path file, float fontSize, float leading, String[][] pages) throws IOException {
    if (!Files.exists(CJK_FONT)) {
      throw new IllegalStateException("CJK font missing: apt-get install fonts-wqy-microhei (" + CJK_FONT + ")");
    }
    try (PDDocument doc = new PDDocument();
        TrueTypeCollection ttc = new TrueTypeCollection(CJK_FONT.toFile())) {
      TrueTypeFont[] first = new TrueTypeFont[1];
      ttc.processAllFonts(f -> {
        if (first[0] == null) {
          first[0] = f;
        }
      });
      PDFont font = PDType0Font.load(doc, first[0], true);
      for (String[] lines : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, fontSize);
          cs.newLineAtOffset(72, 740);
          for (String line : lines) {
            cs.showText(line);
            cs.newLineAtOffset(0, -leading);
          }
          cs.endText();
        }
      }
      doc.save(file.toFile());
    }
    return file;
  }

  /** A page of text in the CJK font, rendered to a gray image: what a scanner would produce. */
  public static BufferedImage scannedPage(String[] lines, int dpi, Path scratch) throws IOException {
    Path text = Files.createTempFile(scratch, "text", ".pdf");
    cjkTextPdf(text, 16, 32, new String[][] {lines});
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(text.toFile())) {
      return new org.apache.pdfbox.rendering.PDFRenderer(doc)
          .renderImageWithDPI(0, dpi, org.apache.pdfbox.rendering.ImageType.GRAY);
    } finally {
      Files.deleteIfExists(text);
    }
  }

  /** A PDF whose pages are only 300 dpi images of text: no text layer, as a scanned standard. */
  public static Path scannedTextPdf(Path file, Path scratch, String[][] pages) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      for (String[] lines : pages) {
        BufferedImage image = scannedPage(lines, 300, scratch);
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      doc.save(file.toFile());
    }
    return file;
  }

  /** A PDF whose only page is an image: no text layer, as a scan. */
  public static Path scannedPdf(Path file) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
      var g = image.createGraphics();
      g.fillRect(0, 0, 200, 100);
      g.setColor(java.awt.Color.BLACK);
      g.drawString("scanned page", 20, 50);
      g.dispose();
      PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.drawImage(xobject, 72, 500, 400, 200);
      }
      doc.save(file.toFile());
    }
    return file;
  }

  /** A PDF that needs a user password to open. */
  public static Path encryptedPdf(Path file) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 700);
        cs.showText("secret content");
        cs.endText();
      }
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pw", "user-pw", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(file.toFile());
    }
    return file;
  }

  /** The first half of a valid PDF: a corrupt file. */
  public static Path corruptPdf(Path file, Path scratch) throws IOException {
    Path whole = englishPdf(scratch.resolve("whole-" + file.getFileName()), "corrupt", 3);
    byte[] bytes = Files.readAllBytes(whole);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    Files.delete(whole);
    return file;
  }

  public static Path docx(Path file, String marker, String... paragraphs) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
      doc.createParagraph().createRun().setText("Word document " + marker);
      for (String p : paragraphs) {
        doc.createParagraph().createRun().setText(p);
      }
      doc.write(out);
    }
    return file;
  }

  public static Path odt(Path file, String marker, String paragraph) throws IOException {
    String content = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
          <office:body><office:text>
            <text:h text:outline-level="1">OpenDocument %s</text:h>
            <text:p>%s</text:p>
          </office:text></office:body>
        </office:document-content>
        """.formatted(marker, paragraph);
    String manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
          <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
          <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>
        """;
    zip(file, "application/vnd.oasis.opendocument.text",
        List.of(new String[] {"META-INF/manifest.xml", manifest}, new String[] {"content.xml", content}));
    return file;
  }

  public static Path epub(Path file, String marker, String paragraph) throws IOException {
    String container = """
        <?xml version="1.0"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles>
        </container>
        """;
    String opf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
          <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:identifier id="id">urn:stdsearch:test</dc:identifier><dc:title>EPUB %s</dc:title><dc:language>en</dc:language>
          </metadata>
          <manifest><item id="c1" href="chapter.xhtml" media-type="application/xhtml+xml"/></manifest>
          <spine><itemref idref="c1"/></spine>
        </package>
        """.formatted(marker);
    String chapter = """
        <?xml version="1.0" encoding="UTF-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>c</title></head>
        <body><h1>EPUB %s</h1><p>%s</p></body></html>
        """.formatted(marker, paragraph);
    zip(file, "application/epub+zip", List.of(new String[] {"META-INF/container.xml", container},
        new String[] {"content.opf", opf}, new String[] {"chapter.xhtml", chapter}));
    return file;
  }

  /** RTF with Chinese written as {@code \\uN?} escapes, as word processors write it. */
  public static Path rtf(Path file, String marker, String text) throws IOException {
    StringBuilder body = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c < 128) {
        body.appendCodePoint(c);
      } else {
        body.append("\\u").append((short) c).append('?');
      }
    });
    String rtf = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\\f0 RTF " + marker + "\\par " + body + "\\par}";
    Files.writeString(file, rtf, StandardCharsets.US_ASCII);
    return file;
  }

  public static Path html(Path file, String title, String body) throws IOException {
    Files.writeString(file, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title
        + "</title></head><body><h1>" + title + "</h1><p>" + body + "</p></body></html>");
    return file;
  }

  public static Path text(Path file, String content) throws IOException {
    Files.writeString(file, content);
    return file;
  }

  /** A minimal NISO STS document. */
  public static Path stsXml(Path file, String marker, String paragraph) throws IOException {
    Files.writeString(file, """
        <?xml version="1.0" encoding="UTF-8"?>
        <standard xmlns:mml="http://www.w3.org/1998/Math/MathML" xmlns:xlink="http://www.w3.org/1999/xlink">
          <front><std-meta>
            <title-wrap xml:lang="en"><main>STS %s</main></title-wrap>
            <std-ident><originator>ISO</originator><doc-type>IS</doc-type><doc-number>99002</doc-number><edition>1</edition></std-ident>
          </std-meta></front>
          <body><sec id="sec_1"><label>1</label><title>Scope</title><p>%s</p></sec></body>
        </standard>
        """.formatted(marker, paragraph));
    return file;
  }

  /** A zip with a stored {@code mimetype} first entry, as ODF and EPUB require. */
  private static void zip(Path file, String mimetype, List<String[]> entries) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      byte[] mt = mimetype.getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype");
      first.setMethod(ZipEntry.STORED);
      first.setSize(mt.length);
      CRC32 crc = new CRC32();
      crc.update(mt);
      first.setCrc(crc.getValue());
      zip.putNextEntry(first);
      zip.write(mt);
      zip.closeEntry();
      for (String[] e : entries) {
        zip.putNextEntry(new ZipEntry(e[0]));
        zip.write(e[1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
  }

  /** A zip of nothing we index: reported as skipped with its type. */
  public static Path plainZip(Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("a.bin"));
      zip.write(new byte[] {1, 2, 3});
      zip.closeEntry();
    }
    Files.write(file, bytes.toByteArray());
    return file;
  }
}
