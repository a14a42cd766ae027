package org.stdsearch.extract.pdf;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.text.TextPosition;

/**
 * Where the words of a line end when its text layer has no spaces: from the ink of the glyphs.
 * Fonts that set Latin letters on full-width cells (the CID fonts of Chinese standards) report
 * every glyph one em wide, so advances say nothing; the outlines do. The gap between one glyph's
 * ink and the next is small and even inside a word and larger between words. The scale between
 * outline units and the page is not always the font matrix (a CID font's sub-fonts have their
 * own), so it is fitted per line: the scale at which the gaps are most even.
 */
final class InkGaps {
  /** A gap this much (in ems) above the line's typical gap is a word space. */
  static final double WORD_SPACE = 0.12;
  private static final double MIN_SCALE = 0.2;
  private static final double MAX_SCALE = 2.0;
  private static final double SCALE_STEP = 0.01;
  /** A gap that far from the typical one counts only this much when fitting: word spaces are not noise. */
  private static final double OUTLIER_CAP = 0.1;

  private InkGaps() {}

  /**
   * For each pair of neighbouring glyphs, whether a word space lies between them; all false
   * when a glyph has no outline to measure.
   */
  static boolean[] wordGaps(List<TextPosition> glyphs) {
    int n = glyphs.size();
    boolean[] spaces = new boolean[Math.max(0, n - 1)];
    if (n < 3) {
      return spaces;
    }
    double[] x = new double[n];
    double[] left = new double[n];
    double[] right = new double[n];
    double[] unit = new double[n];
    double em = 0;
    for (int i = 0; i < n; i++) {
      TextPosition p = glyphs.get(i);
      Rectangle2D ink = outline(p);
      if (ink == null) {
        return spaces;
      }
      float width = advance(p);
      if (width <= 0) {
        return spaces;
      }
      x[i] = p.getXDirAdj();
      left[i] = ink.getMinX();
      right[i] = ink.getMaxX();
      unit[i] = p.getWidthDirAdj() / width; // page units per 1/1000 em, by the font's advance width
      em = Math.max(em, CoverLines.em(p));
    }
    double scale = fit(x, left, right, unit, em);
    double[] gaps = gaps(x, left, right, unit, em, scale);
    double typical = median(gaps);
    for (int i = 0; i < gaps.length; i++) {
      spaces[i] = gaps[i] - typical > WORD_SPACE;
    }
    return spaces;
  }

  private static float advance(TextPosition p) {
    try {
      return p.getFont().getWidth(p.getCharacterCodes()[0]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static Rectangle2D outline(TextPosition p) {
    try {
      if (p.getFont() instanceof PDVectorFont vector && p.getCharacterCodes().length > 0) {
        Rectangle2D bounds = vector.getPath(p.getCharacterCodes()[0]).getBounds2D();
        return bounds.isEmpty() ? null : bounds;
      }
    } catch (IOException | RuntimeException e) {
      // no outline to measure: the line keeps the text layer's spacing
    }
    return null;
  }

  private static double fit(double[] x, double[] left, double[] right, double[] unit, double em) {
    double best = 1;
    double bestSpread = Double.MAX_VALUE;
    for (double k = MIN_SCALE; k <= MAX_SCALE; k += SCALE_STEP) {
      double[] g = gaps(x, left, right, unit, em, k);
      double typical = median(g);
      double spread = 0;
      for (double v : g) {
        spread += Math.min(Math.abs(v - typical), OUTLIER_CAP);
      }
      if (spread < bestSpread) {
        bestSpread = spread;
        best = k;
      }
    }
    return best;
  }

  private static double[] gaps(double[] x, double[] left, double[] right, double[] unit, double em, double k) {
    double[] g = new double[x.length - 1];
    for (int i = 0; i + 1 < x.length; i++) {
      double end = x[i] + k * unit[i] * right[i];
      double start = x[i + 1] + k * unit[i + 1] * left[i + 1];
      g[i] = (start - end) / em;
    }
    return g;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
