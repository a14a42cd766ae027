package org.stdsearch.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.stdsearch.integration.Fixtures;

/**
 * PDFs whose CJK font has a broken Unicode map, as real Chinese standards have them: no map at
 * all, a map to the Latin-1 reading of the GBK bytes ("¸ß¶È" for 高度), or a map from glyph
 * numbers. Built with PDFBox: a correct PDF first, then its fonts' ToUnicode streams replaced on
 * the chosen pages.
 */
final class BrokenFontPdf {
  /** What the broken map gives for one character of the original text. */
  enum Breakage {
    /** No ToUnicode at all: PDFBox finds no Unicode for the glyphs. */
    NO_MAP(null),
    /** The GBK bytes of each character read as Latin-1: mojibake. */
    LATIN1(c -> new String(new String(Character.toChars(c)).getBytes(Charset.forName("GBK")),
        StandardCharsets.ISO_8859_1)),
    /** The glyph's number taken for a code point, shifted into the Hangul Jamo and Yi blocks. */
    GLYPH_NUMBER(c -> new String(Character.toChars(0x1100 + c % 0x2000)));

    final IntFunction<String> map;

    Breakage(IntFunction<String> map) {
      this.map = map;
    }
  }

  private BrokenFontPdf() {}

  /**
   * A PDF of the given pages of text set in a CJK font; the fonts of the pages named in {@code
   * broken} (1-based) get the broken map, each page its own font.
   */
  static Path write(Path file, String[][] pages, Breakage breakage, int... broken) throws IOException {
    Path clean = file.resolveSibling(file.getFileName() + ".clean.pdf");
    cleanPdf(clean, pages);
    try (PDDocument doc = Loader.loadPDF(clean.toFile())) {
      for (int p : broken) {
        PDPage page = doc.getPage(p - 1);
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          if (font instanceof PDType0Font type0) {
            breakFont(doc, type0, breakage);
          }
        }
      }
      doc.save(file.toFile());
    }
    return file;
  }

  /** The text in the embedded CJK font, a font object of its own per page. */
  private static void cleanPdf(Path file, String[][] pages) throws IOException {
    try (PDDocument doc = new PDDocument();
        TrueTypeCollection ttc = new TrueTypeCollection(Fixtures.CJK_FONT.toFile())) {
      TrueTypeFont[] first = new TrueTypeFont[1];
      ttc.processAllFonts(f -> {
        if (first[0] == null) {
          first[0] = f;
        }
      });
      for (String[] lines : pages) {
        PDFont font = PDType0Font.load(doc, first[0], true);
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 12);
          cs.newLineAtOffset(72, 740);
          for (String line : lines) {
            cs.showText(line);
            cs.newLineAtOffset(0, -18);
          }
          cs.endText();
        }
      }
      doc.save(file.toFile());
    }
  }

  private static void breakFont(PDDocument doc, PDType0Font font, Breakage breakage) throws IOException {
    if (breakage == Breakage.NO_MAP) {
      font.getCOSObject().removeItem(COSName.TO_UNICODE);
      return;
    }
    Map<Integer, String> mapped = new LinkedHashMap<>();
    for (int code = 1; code < 0x10000; code++) {
      String unicode = font.toUnicode(code);
      if (unicode != null && !unicode.isBlank()) {
        mapped.put(code, breakage.map.apply(unicode.codePointAt(0)));
      }
    }
    PDStream stream = new PDStream(doc);
    try (OutputStream out = stream.createOutputStream()) {
      out.write(cmap(mapped).getBytes(StandardCharsets.US_ASCII));
    }
    font.getCOSObject().setItem(COSName.TO_UNICODE, stream);
  }

  private static String cmap(Map<Integer, String> mapped) {
    StringBuilder s = new StringBuilder("""
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange
        """);
    var entries = mapped.entrySet().stream().toList();
    for (int i = 0; i < entries.size(); i += 100) {
      var block = entries.subList(i, Math.min(entries.size(), i + 100));
      s.append(block.size()).append(" beginbfchar\n");
      for (var e : block) {
        s.append(String.format("<%04X> <%s>%n", e.getKey(),
            HexFormat.of().withUpperCase().formatHex(e.getValue().getBytes(StandardCharsets.UTF_16BE))));
      }
      s.append("endbfchar\n");
    }
    s.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return s.toString();
  }
}
