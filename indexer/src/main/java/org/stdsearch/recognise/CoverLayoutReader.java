package org.stdsearch.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.stdsearch.extract.ExtractedDocument;

/**
 * Titles from the layout of a PDF's cover ({@code X-Stdsearch:cover-lines}, lines with their
 * type size): the title is set largest. This reads the covers no banner-based rule knows (an
 * OSCCA algorithm, an ETSI/SAGE specification, an ISO committee draft, a paper), keeps a Chinese
 * title to its own lines where the text runs on into a draft note in smaller type, and gives an
 * English cover title back the word spaces the text layer lost.
 */
final class CoverLayoutReader {
  static final String COVER_LINES = "X-Stdsearch:cover-lines";
  /** Lines set at least this share of the largest title line belong to the title. */
  private static final double TITLE_SIZE_SHARE = 0.85;
  /** A first line longer than this is a sentence of text, not a cover's title. */
  private static final int MAX_FIRST_LINE = 60;
  private static final Pattern PART_LINE = Pattern.compile("^第\\s*\\S{1,2}\\s*部分|^Part\\s*\\d");
  /** A page with more lines than this is text, not a cover of a few large lines. */
  private static final int FULL_PAGE = 12;
  /** On a full page the title is set this much larger than the typical line. */
  private static final double TITLE_SIZE_FACTOR = 1.15;
  /** English title lines that follow a Chinese title differ in size from each other by at most this share. */
  private static final double SAME_SIZE = 0.15;
  private static final Pattern DATE_LINE = Pattern.compile(
      "(发布|实施|^\\d{4}\\s*年\\s*\\d{1,2}\\s*月|^\\d{4}[-.]\\d{1,2}([-.]\\d{1,2})?$"
          + "|(January|February|March|April|May|June|July|August|September|October|November|December)\\s+\\d{1,2},?\\s+\\d{4})");
  private static final Pattern CODES = Pattern.compile("^(ICS|CCS|备案号)|^[A-Z]\\s?\\d{2}(\\s*/\\s*\\d{2})?$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LABEL = Pattern.compile(
      "\\b(Version|Date|Status|Edition|Revision|Editor|Author)s?\\s*[:：]", Pattern.CASE_INSENSITIVE);
  /** A line naming the kind of document, not its subject: "INTERNATIONAL STANDARD", "NORME INTERNATIONALE". */
  private static final Pattern KIND = Pattern.compile(
      "^(?:(?:INTERNATIONAL|INTERNATIONALE|EUROPEAN|EUROPÄISCHE|NATIONAL|AMERICAN|BRITISH|JAPANESE|PUBLICLY|AVAILABLE"
          + "|FINAL|DRAFT|TECHNICAL|STANDARD|NORME|NORM|SPECIFICATION|REPORT|GUIDE|RECOMMENDATION|AMENDMENT"
          + "|CORRIGENDUM|EDITION|VERSION)\\s*)+$");
  private static final Pattern LEADERS = Pattern.compile("[…⋯]{2,}|\\.{4,}|(?:·\\s?){3,}");
  private static final Pattern NOISE = Pattern.compile(
      "(报批稿|征求意见稿|送审稿|草案完成|点击此处|XXXX|Microsoft Word|\\.docx?\\b"
          + "|^(目\\s*次|目\\s*录|前\\s*言|引\\s*言|Contents|Table of contents|Foreword|Introduction|Abstract)$)",
      Pattern.CASE_INSENSITIVE);

  private CoverLayoutReader() {}

  /** A line of the cover. */
  record Line(double size, String text) {}

  /**
   * The titles the cover sets largest.
   *
   * @param zh the Chinese title, or null
   * @param en the English title, or null
   */
  record Titles(String zh, String en) {}

  /**
   * Offers the cover's titles where the text readers found none, trims a Chinese title that ran
   * on into a draft note or other small print, and restores the word spaces of an English one.
   */
  static void read(ExtractedDocument doc, RecognitionDraft draft) {
    List<Line> lines = lines(doc);
    if (lines.isEmpty()) {
      return;
    }
    Titles cover = titles(lines);
    if (draft.titleZh != null && cover.zh() != null) {
      String have = squash(draft.titleZh);
      String want = squash(cover.zh());
      if (!want.isEmpty() && have.length() > want.length() && have.startsWith(want)) {
        draft.titleZh = cover.zh();
      }
    }
    draft.offerTitleZh(cover.zh());
    if (draft.titleEn != null) {
      draft.titleEn = respace(draft.titleEn, lines);
      if (cover.en() != null && spaces(cover.en()) > spaces(draft.titleEn) && nearlySame(cover.en(), draft.titleEn)) {
        draft.titleEn = cover.en(); // the same title, its words spaced from the glyphs
      }
    }
    draft.offerTitleEn(cover.en());
  }

  /**
   * The title of a recognised (OCR'd) cover that no reader placed: its first title-like line,
   * with the part line under it. Of the two readings of a scanned cover (full and half
   * resolution) the one that reads better is taken ({@link BodyTitleReader#score}).
   */
  static void readFirstLines(ExtractedDocument doc, RecognitionDraft draft) {
    if (draft.titleZh != null || draft.titleEn != null || doc.pageCount() == 0) {
      return;
    }
    String full = firstLines(doc.pageText(1));
    String second = firstLines(doc.firstMetadata(ExtractedDocument.OCR_COVER_READING));
    String best = full == null ? second : second == null ? full
        : BodyTitleReader.score(second, full) >= BodyTitleReader.score(full, second) ? second : full;
    if (best == null) {
      return;
    }
    if (DocumentText.hanShare(best) >= 0.3) {
      draft.offerTitleZh(best);
    } else {
      draft.offerTitleEn(best);
    }
  }

  private static String firstLines(String text) {
    if (text == null) {
      return null;
    }
    List<String> title = new ArrayList<>();
    for (String raw : text.split("\\R")) {
      String line = DocumentText.closeCjkSpacing(raw.replace('\u3000', ' ').replaceAll("\\s+", " ").strip());
      if (line.isEmpty()) {
        continue;
      }
      if (title.isEmpty() && isTitleLike(line) && line.length() <= MAX_FIRST_LINE) {
        title.add(line);
      } else if (!title.isEmpty() && PART_LINE.matcher(DocumentText.coverLine(line)).find()) {
        title.add(line);
        break;
      } else if (!title.isEmpty()) {
        break;
      }
    }
    return title.isEmpty() ? null : CoverReader.joinZh(title).replaceAll("[;；,，.。:：]+$", "");
  }

  static List<Line> lines(ExtractedDocument doc) {
    List<String> values = doc.metadata().get(COVER_LINES);
    List<Line> out = new ArrayList<>();
    if (values == null) {
      return out;
    }
    for (String v : values) {
      int tab = v.indexOf('\t');
      try {
        out.add(new Line(Double.parseDouble(v.substring(0, tab)), v.substring(tab + 1).strip()));
      } catch (RuntimeException e) {
        // a malformed entry names no line
      }
    }
    return out;
  }

  /** The titles by type size; both null when the cover has no title-like line. */
  static Titles titles(List<Line> lines) {
    double largest = 0;
    for (Line l : lines) {
      if (isTitleLike(l.text())) {
        largest = Math.max(largest, l.size());
      }
    }
    if (lines.size() > FULL_PAGE && largest <= TITLE_SIZE_FACTOR * typicalSize(lines)) {
      return new Titles(null, null); // a page of one type size (a plain-text layout): size names no title
    }
    int first = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (isTitleLike(lines.get(i).text()) && lines.get(i).size() >= TITLE_SIZE_SHARE * largest) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return new Titles(null, null);
    }
    List<String> block = new ArrayList<>();
    int i = first;
    for (; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (!isTitleLike(l.text()) || l.size() < TITLE_SIZE_SHARE * largest) {
        break;
      }
      block.add(l.text());
    }
    boolean chinese = DocumentText.hanShare(String.join("", block)) >= 0.3;
    if (!chinese) {
      return new Titles(null, String.join(" ", block));
    }
    List<String> zh = new ArrayList<>();
    for (String b : block) {
      zh.add(DocumentText.closeCjkSpacing(b.replace('\u3000', ' ')));
    }
    return new Titles(CoverReader.joinZh(zh), englishAfter(lines, i));
  }

  private static double typicalSize(List<Line> lines) {
    double[] sizes = lines.stream().mapToDouble(Line::size).sorted().toArray();
    return sizes[sizes.length / 2];
  }

  /** The English title under a Chinese one: the Latin lines of one size that follow it. */
  private static String englishAfter(List<Line> lines, int from) {
    List<String> en = new ArrayList<>();
    double size = 0;
    for (int i = from; i < lines.size(); i++) {
      Line l = lines.get(i);
      boolean latin = DocumentText.hanShare(l.text()) == 0 && l.text().chars().filter(Character::isLetter).count() >= 3;
      if (!latin || !isTitleLike(l.text()) || size > 0 && Math.abs(l.size() - size) > SAME_SIZE * size) {
        break;
      }
      size = size == 0 ? l.size() : size;
      en.add(l.text());
    }
    return en.isEmpty() ? null : String.join(" ", en).replaceAll("\\s+", " ");
  }

  /** Not a banner, identifier, code, date, label, draft note, sentence or stray mark. */
  static boolean isTitleLike(String text) {
    String line = DocumentText.closeCjkSpacing(DocumentText.coverLine(text));
    if (line.codePoints().filter(Character::isLetter).count() < 2) {
      return false;
    }
    if (CoverReader.isBanner(line) || CoverReader.isIdentifierOnly(line) || KIND.matcher(line).matches()
        || CODES.matcher(line).find()
        || DATE_LINE.matcher(line).find() || LABEL.matcher(line).find() || NOISE.matcher(line).find()) {
      return false;
    }
    // A sentence is not a title (a draft's request for patent notices, an abstract), nor a
    // contents entry with its leaders.
    return !line.contains("。") && !line.contains("，") && line.split("\\s+").length <= 25 && !LEADERS.matcher(line).find();
  }

  /**
   * The title with the word spaces of the same text on the cover, where the cover has them and
   * the title does not ("Informationsecuritytechnology—…" from a Founder text layer).
   */
  static String respace(String title, List<Line> lines) {
    if (title == null || lines.isEmpty()) {
      return title;
    }
    String cover = String.join(" ", lines.stream().map(Line::text).toList());
    StringBuilder squashed = new StringBuilder();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < cover.length(); i++) {
      char c = cover.charAt(i);
      if (!Character.isWhitespace(c)) {
        squashed.append(fold(c));
        at.add(i);
      }
    }
    StringBuilder want = new StringBuilder();
    for (char c : title.toCharArray()) {
      if (!Character.isWhitespace(c)) {
        want.append(fold(c));
      }
    }
    int start = want.isEmpty() ? -1 : squashed.indexOf(want.toString());
    if (start < 0) {
      return title;
    }
    String spaced = cover.substring(at.get(start), at.get(start + want.length() - 1) + 1);
    return spaced.chars().filter(c -> c == ' ').count() > title.chars().filter(c -> c == ' ').count() ? spaced : title;
  }

  private static long spaces(String s) {
    return s.chars().filter(c -> c == ' ').count();
  }

  /** The same letters but for a few (a ligature the text layer spells out, a dropped glyph). */
  static boolean nearlySame(String a, String b) {
    String x = squash(a);
    String y = squash(b);
    if (Math.abs(x.length() - y.length()) > 3 || x.isEmpty()) {
      return false;
    }
    int prefix = 0;
    while (prefix < Math.min(x.length(), y.length()) && x.charAt(prefix) == y.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < Math.min(x.length(), y.length()) - prefix
        && x.charAt(x.length() - 1 - suffix) == y.charAt(y.length() - 1 - suffix)) {
      suffix++;
    }
    return Math.max(x.length(), y.length()) - prefix - suffix <= 3;
  }

  private static char fold(char c) {
    char f = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c;
    return Character.toLowerCase(f);
  }

  static String squash(String s) {
    return s == null ? "" : DocumentText.fold(s).replaceAll("[\\s\\p{P}\\p{S}]", "").toLowerCase(Locale.ROOT);
  }
}
