package org.stdsearch.integration;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdsearch.recognise.IdentifierMatch;
import org.stdsearch.recognise.IdentifierParser;

/**
 * The title comparison of the issue-15 measurement (word recall 0.8, at most 2.5 times the words
 * plus 4; placeholder, hex and garbage titles), for {@link RecognitionMeasurement}, so that its
 * figures read like the committed measurement's.
 */
final class LooseTitles {
  private static final Set<String> ORGANISATION_WORDS = Set.of("w3c", "whatwg", "oasis", "khronos", "oscca", "etsi", "sage", "ietf");
  private static final Pattern ORGANISATION = Pattern.compile(
      "^(?:W3C|WHATWG|OASIS|Khronos|OSCCA|ETSI/SAGE|IETF Internet-Draft)\\s+");
  private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*[(（][^()（）]*[)）]\\s*$");
  private static final Pattern FILE_NAME = Pattern.compile("\\S+\\.(?:xml|pdf|html?|txt)\\s*$");
  private static final Pattern BRACKETED_ONLY = Pattern.compile("^\\s*\\([^()]*\\)\\s*$");
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "(?i)^(?:标题|无标题|untitled|title|document|文档|新建.*|microsoft word\\b.*|word\\s*-.*|.*\\.(?:docx?|wps|pdf|txt|html?|rtf)|"
          + ".*(?:https?://|www\\.)\\S*.*|\\S+\\.(?:com|cn|net|org)(?:/\\S*)?)$");
  private static final Pattern HEX = Pattern.compile("(?i)<?(?:[0-9a-f]{2}){8,}>?");

  private LooseTitles() {}

  static List<String> accepted(String standard) {
    String rest = standard.strip();
    Optional<IdentifierMatch> first = IdentifierParser.findAll(rest).stream().findFirst().filter(m -> m.start() == 0);
    if (first.isPresent()) {
      rest = rest.substring(first.get().end());
      Matcher joint = Pattern.compile("^\\s*\\|\\s*").matcher(rest);
      if (joint.find()) {
        rest = rest.substring(joint.end());
        Optional<IdentifierMatch> second = IdentifierParser.findAll(rest).stream().findFirst().filter(m -> m.start() == 0);
        if (second.isPresent()) {
          rest = rest.substring(second.get().end());
        }
      }
    }
    rest = ORGANISATION.matcher(rest.replaceFirst("^[\\s:|-]+", "")).replaceFirst("");
    Set<String> titles = new LinkedHashSet<>();
    add(titles, rest);
    for (String segment : rest.split(" - ")) {
      add(titles, segment);
    }
    Matcher afterNote = Pattern.compile("\\)\\s+(\\S.*)$").matcher(rest);
    if (afterNote.find()) {
      add(titles, afterNote.group(1));
    }
    boolean described = rest.isBlank() || FILE_NAME.matcher(rest).find() || BRACKETED_ONLY.matcher(rest).matches();
    return described ? List.of() : List.copyOf(titles);
  }

  private static void add(Set<String> titles, String text) {
    String t = text.strip();
    String previous;
    do {
      previous = t;
      t = TRAILING_NOTE.matcher(t).replaceFirst("").strip();
    } while (!t.equals(previous) && !t.isEmpty());
    if (t.isEmpty()) {
      t = previous;
    }
    t = t.replaceFirst("^[\\s:|-]+", "").replaceFirst("[\\s,;:-]+$", "");
    if (!t.isBlank()) {
      titles.add(t);
    }
  }

  static boolean bad(String title) {
    if (title == null || title.isBlank()) {
      return false;
    }
    String t = title.strip();
    if (HEX.matcher(t.replaceAll("\\s", "")).find() || PLACEHOLDER.matcher(t).matches()) {
      return true;
    }
    int letters = 0;
    int visible = 0;
    for (int i = 0; i < t.length(); i = t.offsetByCodePoints(i, 1)) {
      int c = t.codePointAt(i);
      if (c == 0xFFFD || Character.getType(c) == Character.PRIVATE_USE || Character.isISOControl(c)) {
        return true;
      }
      if (!Character.isWhitespace(c)) {
        visible++;
        if (Character.isLetter(c)) {
          letters++;
        }
      }
    }
    return letters < 2 || letters * 2 < visible;
  }

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
    return found >= 0.8 * want.size() && have.size() <= 2.5 * new LinkedHashSet<>(want).size() + 4;
  }

  static List<String> words(String s) {
    String n = Normalizer.normalize(s.replace("\u2122", "").replace("\u00AE", ""), Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT);
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
}
