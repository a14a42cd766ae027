package org.stdsearch.integration;

import org.stdsearch.recognise.IdentifierParser;
import org.stdsearch.recognise.RecognisedStandard;
import org.stdsearch.recognise.StandardIdentifier;

/**
 * How one document was recognised against what the corpus says it is.
 *
 * @param expected what the corpus says
 * @param identifier the identifier recognised, or null
 * @param title the title a user is shown (Chinese, else English), or null
 * @param identifierRight null when the corpus prints no identifier to compare with
 * @param titleRight whether the title is the expected one; null when the corpus names no title
 * @param titleKind what the title is (none, placeholder, hex, garbage, text)
 * @param status the extraction status
 * @param identifierInText whether the extracted text shows the expected identifier anywhere (any
 *     spacing, dash or width); false also where the corpus names none
 */
record RecognitionVerdict(CorpusTruth.Expected expected, String identifier, String title, Boolean identifierRight,
    Boolean titleRight, TitleCheck.Kind titleKind, String status, boolean identifierInText) {

  static RecognitionVerdict of(CorpusTruth.Expected expected, RecognisedStandard r) {
    String title = r.titleZh() != null && !r.titleZh().isBlank() ? r.titleZh() : r.titleEn();
    Boolean idRight = expected.identifier() == null ? null : sameIdentifier(expected.identifier(), r.identifier());
    Boolean titleRight = expected.titles().isEmpty() ? null : false;
    for (String want : expected.titles()) {
      for (String got : new String[] {r.titleZh(), r.titleEn()}) {
        titleRight = titleRight
            || (expected.exactTitle() ? TitleCheck.sameExactly(want, got) : TitleCheck.sameWords(want, got));
      }
    }
    boolean inText = expected.identifier() != null && IdentifierParser.normaliseKey(r.document().text())
        .contains(IdentifierParser.parse(expected.identifier()).orElseThrow().undatedKey());
    return new RecognitionVerdict(expected, r.identifier(), title, idRight, titleRight, TitleCheck.classify(title),
        r.document().status().id(), inText);
  }

  /**
   * Same identifier: the same standard, and the same edition as far as the corpus names one (ISO
   * 13849-1 names none; "OASIS SARIF Version 2.1.0" names the version, not the stage).
   */
  static boolean sameIdentifier(String expected, String got) {
    if (got == null) {
      return false;
    }
    StandardIdentifier want = IdentifierParser.parse(expected).orElseThrow();
    return IdentifierParser.parse(got).map(g -> want.undatedKey().equals(g.undatedKey())
        && (want.datedKey() == null || g.indexKeys().contains(want.datedKey()))).orElse(false);
  }

  boolean badTitle() {
    return titleKind == TitleCheck.Kind.PLACEHOLDER || titleKind == TitleCheck.Kind.HEX
        || titleKind == TitleCheck.Kind.GARBAGE;
  }

  /** The line a miss is listed by in docs/recognition.md; empty when nothing was missed. */
  String missLine() {
    boolean idMiss = Boolean.FALSE.equals(identifierRight);
    boolean titleMiss = Boolean.FALSE.equals(titleRight);
    if (!idMiss && !titleMiss) {
      return "";
    }
    return "| `" + expected.path() + "` | " + status + " | "
        + (idMiss ? cell(expected.identifier()) + " → " + cell(identifier) + (identifierInText ? "" : " (not in the text)")
            : "") + " | "
        + (!titleMiss ? "" : cell(expected.titles().get(0)) + " → " + cell(title)
            + (titleKind == TitleCheck.Kind.TEXT ? "" : " (" + titleKind.name().toLowerCase(java.util.Locale.ROOT) + ")"))
        + " |";
  }

  private static String cell(String s) {
    if (s == null) {
      return "∅";
    }
    String t = s.replaceAll("\\s+", " ").strip();
    if (t.length() > 90) {
      t = t.substring(0, 87) + "…";
    }
    return "`" + t.replace("`", "'").replace("|", "\\|") + "`";
  }
}
