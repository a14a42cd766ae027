package org.stdsearch.integration;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a recognised title is the expected one, and whether a title is no title at all
 * (placeholder, hex, garbage). The rules are the measurement's definition, stated in
 * docs/recognition.md.
 */
final class TitleCheck {
  /** Share of the expected title's words (Latin words, Han characters) the recognised one must hold. */
  static final double RECALL = 0.8;
  /** The recognised title may hold this many times the expected words, plus {@link #SLACK}: not a paragraph. */
  static final double LENGTH_FACTOR = 2.5;
  static final int SLACK = 4;

  /** Organisation names MANIFEST writes before a title; a title need not repeat them. */
  private static final Set<String> ORGANISATION_WORDS = Set.of("w3c", "whatwg", "oasis", "khronos", "oscca", "etsi", "sage", "ietf");
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "(?i)^(?:标题|无标题|untitled|title|document|文档|新建.*|microsoft word\\b.*|word\\s*-.*|.*\\.(?:docx?|wps|pdf|txt|html?|rtf)|"
          + ".*(?:https?://|www\\.)\\S*.*|\\S+\\.(?:com|cn|net|org)(?:/\\S*)?)$");
  private static final Pattern HEX = Pattern.compile("(?i)<?(?:[0-9a-f]{2}){8,}>?");

  /** What a title is, as a user would judge it. */
  enum Kind { NONE, PLACEHOLDER, HEX, GARBAGE, TEXT }

  private TitleCheck() {}

  static Kind classify(String title) {
    if (title == null || title.isBlank()) {
      return Kind.NONE;
    }
    String t = title.strip();
    if (HEX.matcher(t.replaceAll("\\s", "")).find()) {
      return Kind.HEX;
    }
    if (PLACEHOLDER.matcher(t).matches()) {
      return Kind.PLACEHOLDER;
    }
    int letters = 0;
    int alphanumeric = 0;
    int visible = 0;
    for (int i = 0; i < t.length(); i = t.offsetByCodePoints(i, 1)) {
      int c = t.codePointAt(i);
      if (c == 0xFFFD || Character.getType(c) == Character.PRIVATE_USE || Character.isISOControl(c)) {
        return Kind.GARBAGE;
      }
      if (!Character.isWhitespace(c)) {
        visible++;
        if (Character.isLetter(c)) {
          letters++;
        }
        if (Character.isLetterOrDigit(c)) {
          alphanumeric++;
        }
      }
    }
    // Punctuation soup ("!\"#!\"$##!$#"), or a title of digits and symbols only.
    return letters < 2 || alphanumeric * 2 < visible ? Kind.GARBAGE : Kind.TEXT;
  }

  /** Exact match after folding case, width, spacing and punctuation (the RFC Editor's titles). */
  static boolean sameExactly(String expected, String got) {
    return got != null && squash(expected).equals(squash(got));
  }

  /**
   * The recognised title holds at least {@link #RECALL} of the expected title's words (an
   * organisation name excepted) and is not much longer: MANIFEST phrases titles loosely
   * ("WHATWG DOM Living Standard", "ASN.1: Information object specification").
   */
  static boolean sameWords(String expected, String got) {
    if (got == null) {
      return false;
    }
    List<String> want = words(expected);
    want.removeIf(ORGANISATION_WORDS::contains);
    Set<String> have = new LinkedHashSet<>(words(got));
    if (want.isEmpty()) {
      return false;
    }
    long found = want.stream().filter(have::contains).count();
    return found >= RECALL * want.size() && have.size() <= LENGTH_FACTOR * new LinkedHashSet<>(want).size() + SLACK;
  }

  /** Lower-case Latin words and digit runs, and single Han characters. */
  static List<String> words(String s) {
    String n = fold(s);
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < n.length(); i = n.offsetByCodePoints(i, 1)) {
      int c = n.codePointAt(i);
      boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
      if (!han && Character.isLetterOrDigit(c)) {
        if (word.length() > 0 && Character.isDigit(c) != Character.isDigit(word.charAt(word.length() - 1))) {
          out.add(word.toString());
          word.setLength(0);
        }
        word.appendCodePoint(c);
        continue;
      }
      if (word.length() > 0) {
        out.add(word.toString());
        word.setLength(0);
      }
      if (han) {
        out.add(new String(Character.toChars(c)));
      }
    }
    if (word.length() > 0) {
      out.add(word.toString());
    }
    return out;
  }

  /** Words run together, a leading article dropped as catalogues file titles ("A Standard for ..."). */
  private static String squash(String s) {
    List<String> w = words(s);
    if (w.size() > 1 && (w.get(0).equals("a") || w.get(0).equals("an") || w.get(0).equals("the"))) {
      w = w.subList(1, w.size());
    }
    return String.join("", w);
  }

  private static String fold(String s) {
    return Normalizer.normalize(s.replace("\u2122", "").replace("\u00AE", ""), Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT);
  }
}
