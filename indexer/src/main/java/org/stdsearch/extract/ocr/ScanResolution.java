package org.stdsearch.extract.ocr;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

/**
 * The resolution a scanned page was captured at: the pixels of the images that cover it per inch
 * of the page, found by walking the page's drawing operations (a scan is one image, or strips of
 * one image, drawn over the page). Rendering a scan finer than its own pixels adds no detail and
 * costs Tesseract time: scans are often 200 dpi, and some are pages whose size in points equals
 * their pixels, which a fixed 300 dpi render would blow up many times in area.
 */
final class ScanResolution {
  /** Images must cover at least this share of the page for the page to be a scan. */
  private static final double MIN_COVER = 0.5;

  private ScanResolution() {}

  /** Pixels per inch of the images that cover the page; 0 when no image covers most of it. */
  static int nativeDpi(PDPage page) {
    PDRectangle box = page.getCropBox();
    double pageArea = (double) box.getWidth() * box.getHeight();
    if (pageArea <= 0) {
      return 0;
    }
    ImageFinder finder = new ImageFinder(page);
    try {
      finder.processPage(page);
    } catch (IOException | RuntimeException e) {
      return 0; // unreadable drawing operations: render at the configured resolution
    }
    return finder.areaByDpi.entrySet().stream()
        .filter(e -> e.getValue() >= MIN_COVER * pageArea)
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(0);
  }

  /** Sums the drawn area of the page's images per resolution (strips of one scan share theirs). */
  private static final class ImageFinder extends PDFGraphicsStreamEngine {
    final Map<Integer, Double> areaByDpi = new HashMap<>();

    ImageFinder(PDPage page) {
      super(page);
    }

    @Override
    public void drawImage(PDImage image) {
      Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
      double width = ctm.getScalingFactorX();
      double height = ctm.getScalingFactorY();
      if (width < 1 || height < 1 || image.getWidth() < 2 || image.getHeight() < 2) {
        return;
      }
      int dpi = (int) Math.round(Math.min(image.getWidth() / (width / 72), image.getHeight() / (height / 72)));
      areaByDpi.merge(dpi, width * height, Double::sum);
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {}

    @Override
    public void clip(int windingRule) {}

    @Override
    public void moveTo(float x, float y) {}

    @Override
    public void lineTo(float x, float y) {}

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}

    @Override
    public Point2D getCurrentPoint() {
      return new Point2D.Float(0, 0);
    }

    @Override
    public void closePath() {}

    @Override
    public void endPath() {}

    @Override
    public void strokePath() {}

    @Override
    public void fillPath(int windingRule) {}

    @Override
    public void fillAndStrokePath(int windingRule) {}

    @Override
    public void shadingFill(COSName shadingName) {}
  }
}
