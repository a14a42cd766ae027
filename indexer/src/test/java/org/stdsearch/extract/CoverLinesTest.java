package org.stdsearch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import org.stdsearch.extract.pdf.CoverLines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.integration.Fixtures;

/**
 * A cover's lines with their type size, and the word spaces of an English title whose text
 * layer has none (issue 15: GB covers set Latin letters in fonts that give every glyph one em,
 * and the text read "Informationsecuritytechnology—…").
 */
class CoverLinesTest {
  @TempDir Path dir;

  @Test
  void restoresWordSpacesFromTheInkWhereEveryGlyphIsOneEmWide() throws Exception {
    Path pdf = cover(dir.resolve("cover.pdf"));
    String tikaText = new TikaExtractor(TikaConfig.getDefaultConfig(), 1_000_000, 0.3).parse(pdf).text();
    assertThat(tikaText.replaceAll("\\s", "")).contains("Informationsecuritytechnology—Blockcipheralgorithm");
    assertThat(tikaText).doesNotContain("Information security");

    CoverLines.Cover cover = CoverLines.read(pdf);

    assertThat(cover.page()).isEqualTo(1);
    assertThat(cover.lines()).extracting(CoverLines.Line::text)
        .containsExactly("信息安全技术 分组密码算法", "Information security technology—Block cipher algorithm", "2024-01-01发布");
    assertThat(cover.lines().get(0).size()).isGreaterThan(cover.lines().get(1).size());
  }

  @Test
  void tikaExtractionCarriesTheCoverLines() throws Exception {
    Path pdf = cover(dir.resolve("meta.pdf"));
    ParseOutcome o = new TikaExtractor(TikaConfig.getDefaultConfig(), 1_000_000, 0.3).parse(pdf);
    assertThat(o.metadata().get(CoverLines.METADATA)).hasSize(3)
        .anySatisfy(v -> assertThat(v).endsWith("\tInformation security technology—Block cipher algorithm"));
  }

  /**
   * A cover set in the CJK font with its widths replaced by one em for every glyph, each glyph
   * placed by an explicit offset at its real advance, words a third of an em apart, no spaces.
   */
  private static Path cover(Path file) throws IOException {
    Path clean = file.resolveSibling(file.getFileName() + ".src.pdf");
    try (PDDocument doc = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(Fixtures.CJK_FONT.toFile())) {
      TrueTypeFont[] first = new TrueTypeFont[1];
      ttc.processAllFonts(f -> {
        if (first[0] == null) {
          first[0] = f;
        }
      });
      PDType0Font font = PDType0Font.load(doc, first[0], true);
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(font, 24);
        cs.newLineAtOffset(72, 700);
        cs.showText("信息安全技术 分组密码算法");
        cs.setFont(font, 12);
        cs.newLineAtOffset(0, -40);
        cs.showTextWithPositioning(glyphByGlyph(font, "Information security technology—Block cipher algorithm"));
        cs.newLineAtOffset(0, -40);
        cs.showText("2024-01-01发布");
        cs.endText();
      }
      doc.save(clean.toFile());
    }
    try (PDDocument doc = Loader.loadPDF(clean.toFile())) {
      for (COSName name : doc.getPage(0).getResources().getFontNames()) {
        COSDictionary type0 = doc.getPage(0).getResources().getFont(name).getCOSObject();
        COSDictionary cid = (COSDictionary) ((COSArray) type0.getDictionaryObject(COSName.DESCENDANT_FONTS)).getObject(0);
        cid.removeItem(COSName.W);
        cid.setItem(COSName.DW, COSInteger.get(1000));
      }
      doc.save(file.toFile());
    }
    return file;
  }

  /** Each glyph, then the offset that pulls the next one back from one em to the glyph's real advance. */
  private static Object[] glyphByGlyph(PDType0Font font, String text) throws IOException {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      String c = String.valueOf(text.charAt(i));
      if (c.equals(" ")) {
        out.set(out.size() - 1, ((Float) out.get(out.size() - 1)) - 330f);
        continue;
      }
      out.add(c);
      out.add(1000f - font.getStringWidth(c));
    }
    return out.toArray();
  }
}
