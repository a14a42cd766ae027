package org.stdsearch.extract.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/** The resolution a scan was captured at, from the images drawn over the page (issue 15). */
class ScanResolutionTest {
  @Test
  void aPageCoveredByOneImageHasThatImagesResolution() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = page(doc, PDRectangle.A4);
      // A4 at 200 dpi: 1654 x 2339 pixels over 595 x 842 points.
      draw(doc, page, new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY), 0, 0, 595, 842);
      assertThat(ScanResolution.nativeDpi(page)).isBetween(199, 201);
    }
  }

  @Test
  void stripsOfOneScanShareTheirResolution() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = page(doc, PDRectangle.A4);
      for (int y = 0; y < 842; y += 21) {
        draw(doc, page, new BufferedImage(2480, 87, BufferedImage.TYPE_BYTE_GRAY), 0, y, 595, 21);
      }
      assertThat(ScanResolution.nativeDpi(page)).isBetween(298, 302);
    }
  }

  @Test
  void aPageWhoseSizeInPointsIsItsPixelsIsOneToOne() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = page(doc, new PDRectangle(3192, 4726));
      draw(doc, page, new BufferedImage(3192, 4726, BufferedImage.TYPE_BYTE_BINARY), 0, 0, 3192, 4726);
      assertThat(ScanResolution.nativeDpi(page)).isEqualTo(72);
    }
  }

  @Test
  void aTextPageOrASmallPictureIsNoScan() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = page(doc, PDRectangle.A4);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 700);
        cs.showText("Scope");
        cs.endText();
      }
      draw(doc, page, new BufferedImage(300, 100, BufferedImage.TYPE_BYTE_GRAY), 72, 500, 144, 48);
      assertThat(ScanResolution.nativeDpi(page)).isZero();
    }
  }

  private static PDPage page(PDDocument doc, PDRectangle size) {
    PDPage page = new PDPage(size);
    doc.addPage(page);
    return page;
  }

  private static void draw(PDDocument doc, PDPage page, BufferedImage image, float x, float y, float w, float h)
      throws IOException {
    PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
    try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
      cs.drawImage(xobject, x, y, w, h);
    }
  }
}
