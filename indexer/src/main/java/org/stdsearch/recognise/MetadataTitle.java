package org.stdsearch.recognise;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The title a document's metadata (PDF Info, Dublin Core, HTML {@code <title>}) gives, when it
 * is one. Chinese producers write it in legacy encodings: a hex string of GBK bytes
 * ({@code <4D6963726F736F667420576F7264202D20…>}), GBK bytes read as Latin-1 ("¹ú¼Ò"), UTF-16.
 * These are decoded; what is then no title is refused: a word processor's file name ("Microsoft
 * Word - 第2部分.doc"), a template's placeholder ({@code 标题}, {@code Title}, {@code untitled}),
 * a web address ({@code bingdian001.com}), a number without words.
 */
final class MetadataTitle {
  private static final Pattern HEX = Pattern.compile("^<?((?:[0-9A-Fa-f]{2}){4,})>?$");
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "(?i)^(?:title|untitled(?:[- ]?\\d+)?|no title|标题|无标题|文档\\d*|新建.*|document\\d*|doc\\d+|slide\\s*\\d+"
          + "|presentation\\d*|powerpoint.*|microsoft\\s+(?:word|powerpoint|excel)\\b.*|word\\s*-\\s.*"
          + "|.*\\.(?:docx?|wps|pdf|txt|rtf|html?|xlsx?|pptx?|tmp|indd|ps|dvi|tex)|.*(?:https?://|www\\.)\\S*.*"
          + "|\\S+\\.(?:com|cn|net|org|edu|gov)(?:\\.cn)?(?:/\\S*)?)$");
  /** A file name that spells the identifier first: "GM T 0090-2020 标识密码…", "GBT28181-2016 公共…". */
  private static final Pattern LEADING_CODE = Pattern.compile(
      "^[A-Za-z]{1,6}[ _/-]?[A-Za-z]?[ _]?\\d{1,6}(?:\\.\\d{1,3})*[-—_](?:19|20)\\d{2}[\\s_:：-]+(?=\\S)");
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final Charset GB2312 = Charset.forName("GB2312");

  private MetadataTitle() {}

  /** The title, decoded and tidied; null when the value is no title. */
  static String clean(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String t = decode(raw.strip()).replaceAll("[\\s\\u0000]+", " ").strip();
    t = LEADING_CODE.matcher(t).replaceFirst("");
    if (PLACEHOLDER.matcher(t).matches() || t.codePoints().filter(Character::isLetter).count() < 2) {
      return null;
    }
    for (int i = 0; i < t.length(); i = t.offsetByCodePoints(i, 1)) {
      int c = t.codePointAt(i);
      int type = Character.getType(c);
      if (c == 0xFFFD || type == Character.PRIVATE_USE || type == Character.CONTROL || type == Character.UNASSIGNED) {
        return null;
      }
    }
    return t;
  }

  /** The text a hex string or a Latin-1 reading of GBK bytes stands for; else the value as it is. */
  static String decode(String value) {
    var hex = HEX.matcher(value.replaceAll("\\s", ""));
    if (hex.matches() && (value.startsWith("<") || hex.group(1).length() >= 16)) {
      String decoded = bytes(HexFormat.of().parseHex(hex.group(1)));
      if (decoded != null) {
        return decoded;
      }
    }
    if (value.chars().allMatch(c -> c <= 0xFF) && value.chars().filter(c -> c >= 0x80).count() >= 2) {
      String gbk = strict(value.getBytes(StandardCharsets.ISO_8859_1), GB18030);
      if (gbk != null && isChinese(gbk)) {
        return gbk;
      }
    }
    return value;
  }

  /** UTF-16 with its byte-order mark, else UTF-8, else GB18030 (a superset of GBK); null when none reads. */
  private static String bytes(byte[] b) {
    if (b.length >= 2 && (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF || b[0] == (byte) 0xFF && b[1] == (byte) 0xFE)) {
      return strict(b, StandardCharsets.UTF_16);
    }
    String utf8 = strict(b, StandardCharsets.UTF_8);
    return utf8 != null ? utf8 : strict(b, GB18030);
  }

  private static String strict(byte[] b, Charset charset) {
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Han characters of the common GB 2312 set make up most of its letters: a real reading, not chance. */
  private static boolean isChinese(String s) {
    long letters = s.codePoints().filter(Character::isLetter).count();
    long common = s.codePoints().filter(c -> DocumentText.isHan(c) && GB2312.newEncoder().canEncode((char) c)).count();
    return letters > 0 && common * 2 >= letters;
  }
}
