package org.stdsearch.recognise;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.extract.ExtractionStatus;

/**
 * The title a Chinese standard prints again over its first clause (GB/T 1.1: the first page of
 * the body opens with the title, then "1 范围"), and the choice between it and the cover's. The
 * body title is set in text type, which OCR reads better than the large cover type ("BABARSRA
 * SM3 密码杂凑算法" on a scanned cover, "信息安全技术 SM3 密码杂凑算法" over its clause 1); it is
 * the only title of a copy that lost its cover, and of a cover whose text layer is a poor hidden
 * OCR layer.
 */
final class BodyTitleReader {
  /** Clause 1's heading, as printed and as OCR misreads it ("范转", "苑围"). */
  private static final Pattern SCOPE = Pattern.compile("^1\\s*(?:[范苑][围转国圃]|Scope\\b)|^范\\s*围$");
  private static final Pattern PART = Pattern.compile("^第\\s*\\S{1,2}\\s*部分");
  private static final Pattern NOT_TITLE = Pattern.compile("^(前\\s*言|引\\s*言|目\\s*次|Foreword|Introduction)");
  private static final Pattern LEADERS = Pattern.compile("[…⋯]{2,}|\\.{4,}|(?:·\\s?){3,}");
  private static final int FIRST_PAGES = 10;
  private static final int MAX_TITLE_LINES = 4;
  /** Characters a Chinese title is made of besides Han letters and Latin words. */
  private static final String TITLE_MARKS = " ：:（）()、—–-《》·,，/";
  private static final Charset GB2312 = Charset.forName("GB2312");
  /**
   * Over a text layer the body's title replaces the cover's only when it reads clearly better:
   * the cover's text is exact. Over OCR the body's wins a tie.
   */
  private static final double MARGIN = 0.1;

  private BodyTitleReader() {}

  /** The title over clause 1 on one of the first pages, or null. */
  static String read(ExtractedDocument doc, String folded) {
    int pages = Math.min(doc.pageCount(), FIRST_PAGES);
    for (int p = 2; p <= pages; p++) {
      String title = titleOver(pageLines(doc, folded, p));
      if (title != null) {
        return title;
      }
    }
    return null;
  }

  private static List<String> pageLines(ExtractedDocument doc, String folded, int page) {
    int start = doc.pageStarts().get(page - 1);
    int end = page < doc.pageCount() ? doc.pageStarts().get(page) : doc.text().length();
    String text = doc.text().length() == folded.length() ? doc.text() : folded;
    List<String> lines = new ArrayList<>();
    for (String raw : text.substring(Math.min(start, text.length()), Math.min(end, text.length())).split("\\R")) {
      String line = DocumentText.closeCjkSpacing(raw.replace('\u3000', ' ').replaceAll("\\s+", " ").strip());
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static String titleOver(List<String> lines) {
    for (int i = 0; i < Math.min(lines.size(), 8); i++) {
      if (!SCOPE.matcher(DocumentText.coverLine(lines.get(i))).find() || LEADERS.matcher(lines.get(i)).find()) {
        continue; // a contents entry is no heading
      }
      List<String> title = new ArrayList<>();
      for (int j = i - 1; j >= 0 && title.size() < MAX_TITLE_LINES; j--) {
        String line = lines.get(j);
        String clean = DocumentText.coverLine(line);
        if (CoverReader.isIdentifierOnly(clean) || NOT_TITLE.matcher(clean).find() || LEADERS.matcher(clean).find()
            || DocumentText.hanShare(clean) < 0.3 && !PART.matcher(clean).find()) {
          break;
        }
        title.add(0, line);
      }
      return title.isEmpty() ? null : CoverReader.joinZh(title);
    }
    return null;
  }

  /**
   * Takes the body's title where it reads better than the cover's: more of the common Han
   * characters, fewer stray marks and Latin letters the other reading does not have.
   */
  static void choose(ExtractedDocument doc, String folded, RecognitionDraft draft) {
    String body = read(doc, folded);
    if (body == null) {
      return;
    }
    if (draft.titleZh == null) {
      draft.offerTitleZh(body);
      return;
    }
    // Two OCR readings that score alike differ in characters misread as other common ones
    // (吉息安全技术 for 信息安全技术): the text-size body type reads better than the cover's.
    double margin = doc.status() == ExtractionStatus.OCR ? 0 : MARGIN;
    double bodyScore = score(body, draft.titleZh);
    double coverScore = score(draft.titleZh, body);
    if (bodyScore > coverScore + margin || margin == 0 && bodyScore == coverScore) {
      draft.titleZh = body;
    }
  }

  /**
   * Per character: common Han characters count for, rare ones against, Latin letters the other
   * reading lacks half against, marks no title prints twice against.
   */
  static double score(String title, String other) {
    CharsetEncoder gb2312 = GB2312.newEncoder();
    String otherFolded = DocumentText.fold(other).toLowerCase(java.util.Locale.ROOT);
    double score = 0;
    long length = title.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    for (String token : DocumentText.fold(title).split("(?<=\\p{IsHan})|(?=\\p{IsHan})|\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      int c = token.codePointAt(0);
      if (DocumentText.isHan(c)) {
        score += gb2312.canEncode((char) c) ? 1 : -1;
      } else if (token.chars().allMatch(ch -> ch < 0x80 && Character.isLetterOrDigit(ch))) {
        if (!otherFolded.contains(token.toLowerCase(java.util.Locale.ROOT))) {
          score -= 0.5 * token.chars().filter(Character::isLetter).count();
        }
      } else {
        score -= 2 * token.chars().filter(ch -> TITLE_MARKS.indexOf(ch) < 0 && !Character.isLetterOrDigit(ch)).count();
      }
    }
    return length == 0 ? 0 : score / length;
  }
}
