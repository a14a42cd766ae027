package org.stdsearch.recognise;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdsearch.extract.ExtractedDocument;

/**
 * Documents that specify one of the OSCCA commercial cryptography algorithms (SM2, SM3, SM4,
 * SM9, ZUC). A standard whose title names the algorithm as its subject ("SM3密码杂凑算法",
 * "The SM3 Cryptographic Hash Function") is also found under the algorithm's name, whatever its
 * own number (GB/T 32905-2016, an Internet-Draft); a document that prints no number at all (the
 * OSCCA public releases) is identified by the algorithm and part its cover names.
 */
final class AlgorithmDocuments {
  /** A Chinese title whose subject is the algorithm: it ends in 算法 before any part. */
  private static final Pattern ZH_TITLE = Pattern.compile(
      "^(?:信息安全技术\\s*)?(?<alg>SM[2-49]|祖冲之|ZUC(?:-\\d{3})?)\\s*\\p{IsHan}{0,12}?算法"
          + "(?:\\s*第\\s*(?<part>\\d{1,2})\\s*部分.*)?$");
  private static final Pattern EN_TITLE = Pattern.compile(
      "^(?:The\\s+)?(?<alg>SM[2-49]|ZUC(?:-\\d{3})?)\\s+(?:[A-Za-z-]+\\s+){0,4}(?:Algorithms?|Cipher|Hash Function)"
          + "(?:\\s*[-—:]?\\s*Part\\s*(?<part>\\d{1,2})\\b.*)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern PART_LINE = Pattern.compile("^第\\s*(\\d{1,2})\\s*部分");

  private AlgorithmDocuments() {}

  /** The algorithm identifiers a document with these titles is also known by ({@code OSCCA SM3}). */
  static List<String> aliases(String titleZh, String titleEn) {
    List<String> out = new ArrayList<>();
    for (String title : new String[] {titleZh, titleEn}) {
      String alias = title == null ? null : algorithm(title.replaceAll("\\s+", " ").strip(), true);
      if (alias != null && !out.contains(alias)) {
        out.add(alias);
      }
    }
    return out;
  }

  /**
   * A cover that opens with the algorithm's title (and a part line) and prints no standard
   * number: identifier and title from it. A file holding every part of the algorithm (part
   * covers for several parts) is identified by the algorithm alone.
   */
  static void readCover(ExtractedDocument doc, String folded, RecognitionDraft draft) {
    // The title as printed (full-width colon and brackets kept), as the Chinese cover reader keeps it.
    String text = doc.text().length() == folded.length() ? doc.text() : folded;
    String[] lines = text.substring(0, Math.min(text.length(), 2000)).split("\\R");
    List<String> cover = new ArrayList<>();
    for (String line : lines) {
      String s = DocumentText.closeCjkSpacing(line.replaceAll("\\s+", " ").strip());
      if (!s.isEmpty()) {
        cover.add(s);
      }
      if (cover.size() == 2) {
        break;
      }
    }
    if (cover.isEmpty()) {
      return;
    }
    boolean partLine = cover.size() > 1 && PART_LINE.matcher(cover.get(1)).find();
    String title = partLine ? cover.get(0) + " " + cover.get(1) : cover.get(0);
    String id = algorithm(DocumentText.fold(title), !partsInOneFile(text, cover.get(0)));
    if (id == null && draft.titleZh != null) {
      // An OCR'd cover too garbled to name the algorithm ("SM9 ARIA BA BF"): the title chosen
      // from the better reading (the body's, the second cover reading) names it.
      String chosen = draft.titleZh.replaceAll("\\s+", " ").strip();
      String titleLine = chosen.split("\\s*第\\s*\\d", 2)[0];
      id = algorithm(DocumentText.fold(chosen), !partsInOneFile(text, titleLine));
    }
    if (id == null) {
      return;
    }
    draft.offerIdentifier(id, RecognitionDraft.IdentifierSource.TEXT);
    if (DocumentText.hanShare(title) >= 0.3) {
      draft.offerTitleZh(title);
    } else {
      draft.offerTitleEn(title);
    }
  }

  /** {@code OSCCA SM2 Part 1} for a title about SM2 part 1, or null when the title is about something else. */
  private static String algorithm(String title, boolean withPart) {
    Matcher zh = ZH_TITLE.matcher(title);
    Matcher en = EN_TITLE.matcher(title);
    Matcher m = zh.matches() ? zh : en.matches() ? en : null;
    if (m == null) {
      return null;
    }
    String alg = m.group("alg").toUpperCase(java.util.Locale.ROOT).replace("祖冲之", "ZUC");
    String part = withPart ? m.group("part") : null;
    return "OSCCA " + alg + (part == null ? "" : " Part " + Integer.parseInt(part));
  }

  /** Whether the title line heads covers of two or more parts in the text (SM2's 2010 release). */
  private static boolean partsInOneFile(String folded, String titleLine) {
    Set<String> parts = new HashSet<>();
    String previous = "";
    for (String raw : folded.split("\\R")) {
      String line = DocumentText.closeCjkSpacing(raw.replaceAll("\\s+", " ").strip());
      if (line.isEmpty()) {
        continue;
      }
      Matcher part = PART_LINE.matcher(line);
      if (part.find() && previous.equals(titleLine)) {
        parts.add(part.group(1));
      }
      previous = line;
    }
    return parts.size() >= 2;
  }
}
