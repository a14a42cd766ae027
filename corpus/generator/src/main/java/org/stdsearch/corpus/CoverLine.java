package org.stdsearch.corpus;

/**
 * A line of a cover page. A tab in {@code text} splits it into a left and a right part on the same line
 * (the "发布 ... 实施" dates); {@code rule} draws a horizontal line instead of text in paged formats.
 */
record CoverLine(String text, Align align, float size, float gapBefore, boolean rule) {

    enum Align { LEFT, CENTER, RIGHT }

    static CoverLine of(String text, Align align, float size, float gapBefore) {
        return new CoverLine(text, align, size, gapBefore, false);
    }

    static CoverLine rule(float gapBefore) {
        return new CoverLine("", Align.LEFT, 0, gapBefore, true);
    }

    /** The line for formats without tab stops. */
    String flat() {
        return text.replace("\t", "        ");
    }
}
