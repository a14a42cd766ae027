package org.stdsearch.extract.pdf;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The lines of a PDF's cover with their type size, read from glyph positions: what a reader sees
 * first and largest is the title, whatever family the standard belongs to (an OSCCA algorithm,
 * an ETSI/SAGE specification, an ISO committee draft print no banner a rule could anchor on).
 * The positions also restore the word spaces of lines whose text layer has none: Founder-set GB
 * covers print their English title as "Informationsecuritytechnology—…", the gaps are there.
 *
 * <p>Written to the metadata as {@link #METADATA} entries {@code "<size>\t<text>"}, top to bottom.
 */
public final class CoverLines {
  /** Metadata entry: the cover lines, "type size in points TAB text", in reading order. */
  public static final String METADATA = "X-Stdsearch:cover-lines";
  /** A line with fewer Latin letters and no space is a code or a number, not words run together. */
  static final int MIN_UNSPACED_LETTERS = 12;
  /** English words average five letters: a line with more than this many letters per space has run words together. */
  static final int LETTERS_PER_WORD = 15;
  /** Fake bold draws a glyph again offset by a few hundredths of an em; two letters stand a third of an em apart. */
  static final float COPY_OFFSET = 0.12f;
  /** Lines kept: a cover holds a dozen or two; more is a page of body text. */
  static final int MAX_LINES = 40;
  /** Covers with fewer characters are blank or an image: the next page is read instead. */
  static final int MIN_CHARS = 12;

  private CoverLines() {}

  /** One line: its type size (the largest glyph on it) and its text with word spaces restored. */
  public record Line(float size, String text) {
    /** The metadata entry of this line: "size TAB text". */
    public String metadataValue() {
      return String.format(Locale.ROOT, "%.1f\t%s", size, text);
    }
  }

  /**
   * The cover: its 1-based page and lines.
   *
   * @param page the page read (1, or 2 when page 1 is blank), 0 when none was
   * @param lines its lines, top to bottom
   */
  public record Cover(int page, List<Line> lines) {
    public Cover {
      lines = List.copyOf(lines);
    }
  }

  /** The cover lines of a PDF (page 1, or page 2 when page 1 is blank); none when unreadable. */
  public static Cover read(Path pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (int page = 1; page <= Math.min(2, doc.getNumberOfPages()); page++) {
        List<Line> lines = linesOf(doc, page);
        if (lines.stream().mapToInt(l -> l.text().length()).sum() >= MIN_CHARS) {
          return new Cover(page, lines);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Tika has read the document already; without a cover layout the text-based readers serve.
    }
    return new Cover(0, List.of());
  }

  private static List<Line> linesOf(PDDocument doc, int page) throws IOException {
    Collector collector = new Collector();
    collector.setStartPage(page);
    collector.setEndPage(page);
    collector.setSortByPosition(true);
    // PDFBox's own test takes a glyph within a third of its width of the same glyph for a
    // fake-bold copy; fonts that give every glyph one em (the CID fonts of Chinese standards) then
    // lose the second l of "elliptic". Copies are dropped in rebuild() by position instead.
    collector.setSuppressDuplicateOverlappingText(false);
    Writer sink = new StringWriter();
    collector.writeText(doc, sink);
    boolean founder = founderPage(collector.lines);
    List<Line> lines = new ArrayList<>();
    for (List<TextPosition> positions : collector.lines) {
      Line line = rebuild(positions, founder);
      if (!line.text().isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static boolean founderPage(List<List<TextPosition>> lines) {
    int founder = 0;
    for (List<TextPosition> line : lines) {
      for (TextPosition p : line) {
        String u = p == null ? null : p.getUnicode();
        founder += u != null && u.length() == 1 && FounderLatin.latin(u.charAt(0)) != 0 ? 1 : 0;
      }
    }
    return founder >= FounderLatin.MIN_PER_PAGE;
  }

  /**
   * Collects the glyphs of each line PDFBox writes (it writes a line word by word); a null
   * stands for a word space PDFBox decided on.
   */
  private static final class Collector extends PDFTextStripper {
    final List<List<TextPosition>> lines = new ArrayList<>();
    private final List<TextPosition> current = new ArrayList<>();

    Collector() throws IOException {}

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
      current.addAll(positions);
    }

    @Override
    protected void writeWordSeparator() {
      if (!current.isEmpty()) {
        current.add(null);
      }
    }

    @Override
    protected void writeLineSeparator() {
      flush();
    }

    @Override
    protected void writeParagraphEnd() {
      flush();
    }

    @Override
    protected void endPage(org.apache.pdfbox.pdmodel.PDPage page) {
      flush();
    }

    private void flush() {
      if (!current.isEmpty() && lines.size() < MAX_LINES) {
        lines.add(new ArrayList<>(current));
      }
      current.clear();
    }
  }

  /**
   * The line's text from its glyphs. Where PDFBox found word spaces they are kept; a line of
   * Latin text without any (the text layer has none) gets them from the ink gaps ({@link
   * InkGaps}).
   */
  static Line rebuild(List<TextPosition> positions, boolean founder) {
    List<TextPosition> glyphs = positions.stream().filter(p -> p != null && !text(p, founder).isEmpty()).toList();
    long spaces = positions.stream().filter(p -> p == null || text(p, founder).isBlank()).count();
    int letters = latinLetters(glyphs, founder);
    boolean unspaced = letters >= MIN_UNSPACED_LETTERS && letters > LETTERS_PER_WORD * (spaces + 1);
    boolean[] wordGaps = unspaced ? InkGaps.wordGaps(glyphs.stream().filter(p -> !text(p, founder).isBlank()).toList())
        : new boolean[0];
    StringBuilder out = new StringBuilder();
    float size = 0;
    int index = -1;
    TextPosition previous = null;
    boolean separated = false;
    for (TextPosition p : positions) {
      if (p == null) {
        separated = true;
        continue;
      }
      String unicode = text(p, founder);
      if (unicode.isEmpty() || isCopy(previous, p)) {
        continue;
      }
      size = Math.max(size, em(p));
      if (!unicode.isBlank()) {
        index++;
        boolean inkGap = index > 0 && index - 1 < wordGaps.length && wordGaps[index - 1];
        int before = out.isEmpty() ? ' ' : out.codePointBefore(out.length());
        if (!Character.isWhitespace(before) && (isWordChar(before) || ",;:.)".indexOf(before) >= 0)
            && isWordChar(unicode.codePointAt(0)) && (separated || inkGap)) {
          out.append(' ');
        }
      }
      separated = false;
      out.append(unicode);
      previous = p;
    }
    return new Line(size, out.toString().replaceAll("\\s+", " ").strip());
  }

  /** A fake-bold copy: the same glyph again, a small fraction of an em from where it was drawn. */
  private static boolean isCopy(TextPosition previous, TextPosition p) {
    return previous != null && p.getUnicode().equals(previous.getUnicode())
        && Math.abs(p.getXDirAdj() - previous.getXDirAdj()) < COPY_OFFSET * em(p)
        && Math.abs(p.getYDirAdj() - previous.getYDirAdj()) < COPY_OFFSET * em(p);
  }

  private static int latinLetters(List<TextPosition> positions, boolean founder) {
    int n = 0;
    for (TextPosition p : positions) {
      String u = p == null ? "" : text(p, founder);
      n += !u.isEmpty() && u.charAt(0) < 0x80 && Character.isLetter(u.charAt(0)) ? 1 : 0;
    }
    return n;
  }

  /** The glyph's text, a Founder Latin letter read as ASCII on a page set in that font. */
  private static String text(TextPosition p, boolean founder) {
    String u = p.getUnicode();
    if (u == null) {
      return "";
    }
    return founder && u.length() == 1 && FounderLatin.latin(u.charAt(0)) != 0 ? String.valueOf(FounderLatin.latin(u.charAt(0))) : u;
  }

  /** The glyph's type size: the font size, or its height where the size is given by the matrix. */
  static float em(TextPosition p) {
    return Math.max(1f, Math.max(p.getFontSizeInPt(), p.getHeightDir()));
  }

  /** Latin letters and digits take word spaces; Han text and punctuation do not. */
  private static boolean isWordChar(int c) {
    return Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN;
  }
}
