package org.stdsearch.recognise;

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
    t = STRAY.matcher(out.toString()).replaceAll("");
    t = SPACE_BEFORE_COLON.matcher(t).replaceAll("");
    return t.replaceAll("\\s{2,}", " ").strip();
  }
}
