package org.stdsearch.classify;

import java.util.List;

/**
 * What the classifier reads of one standard. Null strings count as empty.
 *
 * @param titleZh Chinese title
 * @param titleEn English title
 * @param text scope and the first part of the body; only the first {@value
 *     FieldClassifier#TEXT_LIMIT} characters are read
 * @param ics ICS codes, e.g. {@code 35.040}
 * @param ccs CCS codes, e.g. {@code L80}
 * @param terms defined terms (terms and definitions clause)
 */
public record ClassificationInput(
    String titleZh, String titleEn, String text, List<String> ics, List<String> ccs, List<String> terms) {

  public ClassificationInput {
    titleZh = titleZh == null ? "" : titleZh;
    titleEn = titleEn == null ? "" : titleEn;
    text = text == null ? "" : text;
    ics = ics == null ? List.of() : List.copyOf(ics);
    ccs = ccs == null ? List.of() : List.copyOf(ccs);
    terms = terms == null ? List.of() : List.copyOf(terms);
  }

  /** A title-only input, for catalogue entries and tests. */
  public static ClassificationInput ofTitle(String title) {
    return new ClassificationInput(title, "", "", List.of(), List.of(), List.of());
  }
}
