package org.stdsearch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scanned PDF with an outline: Tika writes the bookmarks as text after the pages, which once
 * passed for a text layer and kept the scan from OCR (found on cut-down covers of the shared
 * corpus). Only the text on the pages decides.
 */
class ScanTextLayerTest {
  @TempDir Path dir;

  @Test
  void bookmarksOfAScannedPdfAreNotATextLayer() throws Exception {
    Path scan = dir.resolve("scan-with-outline.pdf");
    try (PDDocument pdf = new PDDocument()) {
      PDDocumentOutline outline = new PDDocumentOutline();
      pdf.getDocumentCatalog().setDocumentOutline(outline);
      for (int p = 0; p < 2; p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        BufferedImage image = new BufferedImage(400, 560, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 560);
        g.setColor(Color.BLACK);
        g.fillRect(40, 40, 320, 20); // a "line of print" as pixels, not text
        g.dispose();
        PDImageXObject xobject = LosslessFactory.createFromImage(pdf, image);
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
          content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
        for (int b = 0; b < 10; b++) {
          PDOutlineItem item = new PDOutlineItem();
          item.setTitle("Clause " + (p * 10 + b + 1) + " Information security techniques requirements");
          PDPageFitDestination target = new PDPageFitDestination();
          target.setPage(page);
          item.setDestination(target);
          outline.addLast(item);
        }
      }
      pdf.save(scan.toFile());
    }

    TikaExtractor tika = new TikaExtractor(TikaConfig.getDefaultConfig(), 1_000_000, 0.3);
    ParseOutcome outcome = tika.parse(scan);

    assertThat(outcome.text()).as("Tika does emit the bookmarks").contains("Clause 20 Information security");
    assertThat(outcome.status()).isEqualTo(ExtractionStatus.EMPTY);
  }
}
