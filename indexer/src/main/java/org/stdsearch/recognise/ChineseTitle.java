package org.stdsearch.recognise;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Chinese title tidied of what OCR adds to it: the part number read as a bar or a letter
 * ("第 | 部分" is 第1部分), enclosed digits ("⒛"), stray quotes and bars between characters,
 * spaces before a colon.
 */
final class ChineseTitle {
  private static final Pattern PART = Pattern.compile("第\\s*([0-9|lIiＩ|１-９]{1,2})\\s*部分");
  private static final Pattern STRAY = Pattern.compile("(?<=[\\p{IsHan}\\w])\\s*[”“‘’\"'`|¦~]+\\s*(?=[\\p{IsHan}])");
  private static final Pattern SPACE_BEFORE_COLON = Pattern.compile("\\s+(?=[:：])|(?<=[:：])\\s+");
  /** Latin words after the last Han character of a title. */
  private static final Pattern LATIN_TAIL = Pattern.compile("(?<=\\p{IsHan})((?:\\s+[A-Za-z]+)+)\\s*$");
  /** The elements of an English GB title, "Information technology—Security techniques—…". */
  private static final Pattern ELEMENT_DASH = Pattern.compile("\\s*(?:[—–]|--)\\s*");

  private ChineseTitle() {}

  static String clean(String title) {
    if (title == null) {
      return null;
    }
    String t = title.replace("⒛", "20").replace("⒈", "1").replace("⒉", "2");
    var part = PART.matcher(t);
    StringBuilder out = new StringBuilder();
    while (part.find()) {
      String n = part.group(1).replaceAll("[|lIiＩ]", "1");
      part.appendReplacement(out, "第" + n + "部分");
    }
    part.appendTail(out);
    // A mark between two words leaves the space that separated them ("信息技术 ”安全技术").
    t = STRAY.matcher(out.toString()).replaceAll(m -> m.group().chars().anyMatch(Character::isWhitespace) ? " " : "");
    t = SPACE_BEFORE_COLON.matcher(t).replaceAll("");
    return t.replaceAll("\\s{2,}", " ").strip();
  }

  /**
   * A Chinese title whose last element OCR read as Latin letters ("信息技术 安全技术 ASA MMA
   * wl" for an element in large Han type): the Latin words the English title does not have are
   * dropped, and the element is restored from a line printing it in Chinese beside the English
   * title's last element (a term heading, "可鉴别的加密 authenticated encryption").
   *
   * @param folded the document's text, where the element may be printed
   */
  static String withoutLatinTail(String titleZh, String titleEn, String folded) {
    if (titleZh == null || titleEn == null) {
      return titleZh;
    }
    Matcher tail = LATIN_TAIL.matcher(titleZh);
    if (!tail.find()) {
      return titleZh;
    }
    String english = " " + titleEn.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
    for (String word : tail.group(1).strip().split("\\s+")) {
      if (english.contains(" " + word.toLowerCase(Locale.ROOT) + " ")) {
        return titleZh; // the English title has it: a Latin word of the title (IPv6, SM3)
      }
    }
    String head = titleZh.substring(0, tail.start()).strip();
    String[] elements = ELEMENT_DASH.split(titleEn.strip());
    if (elements.length < 2) {
      return head;
    }
    Matcher printed = Pattern.compile("^\\s*(?:\\d+(?:\\.\\d+)*\\s+)?(\\p{IsHan}[\\p{IsHan}\\s]{0,30}?)\\s+"
        + Pattern.quote(elements[elements.length - 1].strip()) + "\\s*$",
        Pattern.CASE_INSENSITIVE | Pattern.MULTILINE).matcher(folded);
    return printed.find() ? head + " " + printed.group(1).replaceAll("\\s+", "") : head;
  }
}
