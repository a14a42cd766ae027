package org.stdsearch.recognise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The title of an RFC's text rendering: the first block of centred lines below the header. In
 * the monospaced layout of {@code .txt} and "htmlized" RFCs the header is two columns, and its
 * right column (authors, affiliations, the date) may run on after a blank line (RFC 8312, RFC
 * 8915) or be all there is (RFC 768): such lines, header fields ({@code Obsoletes:}, {@code
 * NIC:}) and roff requests ({@code .ce 1}) are not title. A title may take several lines (RFC
 * 826 takes six); a longer block is a paragraph, and a document whose first block is flush left
 * (RFC 551, an address) prints no title; a title as wide as the page is flush left as well as centred.
 */
final class RfcTitleReader {
  private static final int WIDTH = 72;
  private static final int MAX_TITLE_LINES = 6;
  private static final Pattern COLUMN_GAP = Pattern.compile("\\S\\s{3,}\\S");
  /** Fields of the RFC header block, as the RFC Editor and older RFCs (some memos) print them. */
  private static final Pattern HEADER_FIELD = Pattern.compile(
      "^(?:(?:Request for Comments?|RFCs?|STD|BCP|FYI|NIC|Category|ISSN|Obsoletes|Updates|Obsoleted by|Updated by"
          + "|Stream|References|Replaces|Internet-Draft|Intended status|Expires|To|From|Subject|Date)\\s*[:#]"
          + "|(?:Network Working Group|Internet Engineering Task Force|Internet Research Task Force"
          + "|Internet Architecture Board|Independent Submission|IAB|IRTF)(?: \\([A-Z]+\\))?(?:\\s{3,}|$))",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern STOP = Pattern.compile(
      "^(?:Abstract|Status of|Copyright|Table of Contents|Introduction|Preface|Contents|1\\.?\\s)",
      Pattern.CASE_INSENSITIVE);
  /** An Internet-Draft prints its name under its title. */
  private static final Pattern DRAFT_NAME = Pattern.compile("^draft-[a-z0-9-]+$");
  private static final Pattern ROFF_REQUEST = Pattern.compile("^\\.[a-zA-Z]{1,3}(?:\\s.*)?$");
  private static final Pattern DATE_ONLY = Pattern.compile(
      "^(?:\\d{1,2}\\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
          + "(?:\\s+\\d{1,2},?)?\\s+\\d{4}$", Pattern.CASE_INSENSITIVE);

  /**
   * A date as a typewritten header or a receipt stamp prints it: an abbreviated month, a day and a
   * year a damaged text layer may misread ("SEP 18'j973", "Sept 26, 1973", "26-SEP-73").
   */
  private static final Pattern STAMP_DATE = Pattern.compile(
      "^(?:\\d{1,2}[\\s-]+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?[\\s-]+"
          + "(?:\\d{1,2}\\s*,?\\s*)?(?=\\S*\\d)\\S{2,5}$", Pattern.CASE_INSENSITIVE);
  /** A receipt stamp on a scanned memo. */
  private static final Pattern STAMP = Pattern.compile("^RECEIVED\\b.{0,30}$", Pattern.CASE_INSENSITIVE);
  /** A header field whose name a damaged text layer misspelt ("Opsoletes: #127"): a name and a number. */
  private static final Pattern NUMBERED_FIELD = Pattern.compile("^[A-Z][A-Za-z]{2,14}\\s*[:#]\\s*\\W{0,2}#?\\d[\\d,\\s]*$");
  /** A memo's subject line, the title of RFCs written as memoranda. */
  private static final Pattern SUBJECT = Pattern.compile("^Subject\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);

  private RfcTitleReader() {}

  /**
   * @param text the whole text (its running headers confirm an all-capitals title)
   * @param headerStart offset of the line holding the RFC number
   * @param headerEnd end of the header block as blank lines mark it, used where the text has no
   *     column layout (PDF text loses it)
   */
  static String read(String text, int headerStart, int headerEnd) {
    int windowEnd = Math.min(text.length(), headerStart + 6000);
    String[] lines = text.substring(headerStart, windowEnd).split("\\R", -1);
    // Monospaced layout (.txt, "htmlized" HTML): a header in columns, or lines indented to centre
    // them. Text taken from PDF pages or OCR keeps neither.
    boolean laidOut = false;
    for (int i = 0; i < Math.min(lines.length, 40); i++) {
      laidOut |= i < 8 && COLUMN_GAP.matcher(lines[i].strip()).find() || indent(expandTabs(lines[i])) >= 10;
    }
    int from = 1;
    if (!laidOut) {
      from = text.substring(headerStart, Math.max(headerStart, Math.min(headerEnd, windowEnd))).split("\\R", -1).length;
    }
    if (laidOut) {
      Block first = block(lines, from, true);
      return first == null || first.flushLeft() ? null : title(text, first.lines());
    }
    // Without the column layout (PDF text, OCR) authors and affiliations cannot be told from the
    // title by position: the title is the last block before the body (RFC 145, 432), and a block
    // with a date or a header field after it belongs to the header (RFC 551's authors).
    String title = null;
    for (Block b = block(lines, from, false); b != null; b = block(lines, b.end(), false)) {
      String candidate = title(text, b.lines());
      if (candidate == null || isParagraph(b.lines()) || runsOn(b, lines)) {
        // The body has begun; right after a date or a field, every block before was header.
        title = b.afterHeaderMatter() ? null : title;
        break;
      }
      title = candidate;
      if (b.stopped()) {
        break;
      }
    }
    if (title == null) {
      return subject(lines);
    }
    // A journal line above the header may print the title a second time (NLS memos of 1973).
    List<String> above = text.substring(0, headerStart).lines().filter(l -> !l.isBlank()).toList();
    return ScannedTitleRepair.repair(title, above.subList(Math.max(0, above.size() - 4), above.size()), text);
  }

  /** The value of a memo's {@code Subject:} line in the header, its letter-spaced words rejoined. */
  private static String subject(String[] lines) {
    for (int i = 0; i < Math.min(lines.length, 30); i++) {
      Matcher m = SUBJECT.matcher(lines[i].strip());
      if (m.matches()) {
        String value = m.group(1).replaceAll("^[^\\p{L}\\p{N}]+", "");
        // A typewriter's spaced-out letters: "Ho s t Ports" is "Host Ports".
        value = value.replaceAll("(?<=\\p{L}) (?=\\p{Ll}(?: |$))", "").strip();
        return value.chars().filter(Character::isLetter).count() >= 3 ? value : null;
      }
    }
    return null;
  }

  /**
   * A run of title-like lines from {@code from}, or null when the header ran into the body.
   *
   * @param lines the lines
   * @param end where scanning stopped (the next block starts there)
   * @param flushLeft the run is flush left in a column layout: an address or a paragraph
   * @param stopped the run ended at the abstract, a status section or a first clause
   * @param afterHeaderMatter a date, a stamp or a header field came between this run and the last
   */
  private record Block(List<String> lines, int end, boolean flushLeft, boolean stopped, boolean afterHeaderMatter) {
    Block(List<String> lines, int end, boolean flushLeft, boolean stopped) {
      this(lines, end, flushLeft, stopped, false);
    }

    Block afterHeaderMatter(boolean value) {
      return new Block(lines, end, flushLeft, stopped, value);
    }
  }

  private static Block block(String[] lines, int from, boolean laidOut) {
    List<String> block = new ArrayList<>();
    boolean afterHeaderMatter = false;
    int lastIndent = -1;
    boolean centredByRequest = false;
    for (int i = from; i < lines.length; i++) {
      String line = expandTabs(lines[i]);
      String s = line.strip();
      if (ROFF_REQUEST.matcher(s).matches()) {
        centredByRequest = s.startsWith(".ce");
        continue;
      }
      if (s.isEmpty() || s.chars().noneMatch(Character::isLetter)) {
        if (!block.isEmpty() && !(s.isEmpty() && continuesAfterBlank(lines, i + 1, lastIndent))) {
          // a blank line, or the underline of RFC 768's title
          return new Block(block, i + 1, false, false).afterHeaderMatter(afterHeaderMatter);
        }
        continue;
      }
      if (isHeaderMatter(line, s, laidOut)) {
        if (!block.isEmpty()) {
          return new Block(block, i, false, false).afterHeaderMatter(afterHeaderMatter);
        }
        afterHeaderMatter = true;
        continue;
      }
      if (STOP.matcher(s).lookingAt()) {
        return block.isEmpty() ? null : new Block(block, i, false, true).afterHeaderMatter(afterHeaderMatter);
      }
      if (laidOut && indent(line) < 2 && s.length() < WIDTH - 6 && !centredByRequest) {
        return new Block(List.of(s), i + 1, true, false);
      }
      centredByRequest = false;
      lastIndent = indent(line);
      block.add(s);
      if (block.size() > MAX_TITLE_LINES) {
        return new Block(List.of(), i + 1, false, false).afterHeaderMatter(afterHeaderMatter);
      }
    }
    return block.isEmpty() ? null : new Block(block, lines.length, false, true).afterHeaderMatter(afterHeaderMatter);
  }

  /** A long line whose sentence runs on after a blank line, as OCR double-spaces a typewritten page. */
  private static boolean runsOn(Block b, String[] lines) {
    if (b.lines().getLast().length() <= 50) {
      return false;
    }
    for (int i = b.end(); i < lines.length; i++) {
      String s = lines[i].strip();
      if (!s.isEmpty()) {
        return Character.isLowerCase(s.charAt(0));
      }
    }
    return false;
  }

  /** Long lines, or a sentence running on into a line that starts in lower case. */
  private static boolean isParagraph(List<String> block) {
    if (block.size() > 3 && block.stream().mapToInt(String::length).average().orElse(0) > 50) {
      return true;
    }
    for (int i = 1; i < block.size(); i++) {
      if (Character.isLowerCase(block.get(i).charAt(0)) && block.get(i - 1).length() > 50) {
        return true;
      }
    }
    return false;
  }

  /** The title a block spells, or null when it is a sentence or too long to be one. */
  private static String title(String text, List<String> block) {
    if (block.isEmpty()) {
      return null;
    }
    String joined = String.join(" ", block).replaceAll("\\s+", " ");
    if ((joined.endsWith(".") || joined.matches(".*[a-z]\\. [A-Z].*")) && joined.split(" ").length > 8) {
      return null; // a sentence: the memo's first paragraph (RFC 667), not a title
    }
    String runningTitle = block.size() > 1 && isCapitals(block.get(0)) ? runningTitle(text, block.get(0)) : null;
    return runningTitle != null ? runningTitle : joined;
  }

  /**
   * A title printed double-spaced (RFC 822): the next line after the blank starts where the last
   * title line did, as centred lines of equal length do.
   */
  private static boolean continuesAfterBlank(String[] lines, int from, int lastIndent) {
    for (int i = from; i < lines.length; i++) {
      String line = expandTabs(lines[i]);
      String s = line.strip();
      if (!s.isEmpty()) {
        return lastIndent >= 4 && Math.abs(indent(line) - lastIndent) <= 1
            && !HEADER_FIELD.matcher(s).lookingAt() && !DATE_ONLY.matcher(s).matches() && !STOP.matcher(s).lookingAt();
      }
    }
    return false;
  }

  private static boolean isHeaderMatter(String line, String s, boolean laidOut) {
    if (HEADER_FIELD.matcher(s).lookingAt() || DATE_ONLY.matcher(s).matches() || DRAFT_NAME.matcher(s).matches()) {
      return true;
    }
    if (!laidOut && (STAMP_DATE.matcher(s).matches() || STAMP.matcher(s).matches()
        || NUMBERED_FIELD.matcher(s).matches())) {
      return true; // the stamps and damaged fields of a scanned typewritten page
    }
    if (!laidOut) {
      return false;
    }
    int indent = indent(line);
    boolean rightAligned = indent >= WIDTH / 3 && indent + s.length() >= WIDTH - 8
        && indent - (WIDTH - indent - s.length()) > 8;
    return rightAligned || COLUMN_GAP.matcher(s).find();
  }

  /**
   * The running title of the pages (the first lines after each form feed) that equals {@code
   * first} ignoring case: "INTERNET PROTOCOL" over "DARPA INTERNET PROGRAM" and "PROTOCOL
   * SPECIFICATION" (RFC 791) is titled "Internet Protocol" on every page.
   */
  private static String runningTitle(String text, String first) {
    Map<String, Integer> counts = new HashMap<>();
    for (int ff = text.indexOf('\f'); ff >= 0; ff = text.indexOf('\f', ff + 1)) {
      int taken = 0;
      for (String line : text.substring(ff + 1, Math.min(text.length(), ff + 400)).split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        for (String segment : line.strip().split("\\s{3,}")) {
          counts.merge(segment.strip(), 1, Integer::sum);
        }
        if (++taken == 2) {
          break;
        }
      }
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= 2 && e.getKey().equalsIgnoreCase(first))
        .map(Map.Entry::getKey)
        .findFirst().orElse(null);
  }

  private static boolean isCapitals(String s) {
    return s.equals(s.toUpperCase(Locale.ROOT)) && !s.equals(s.toLowerCase(Locale.ROOT));
  }

  private static int indent(String line) {
    return line.length() - line.stripLeading().length();
  }

  private static String expandTabs(String line) {
    if (line.indexOf('\t') < 0) {
      return line;
    }
    StringBuilder sb = new StringBuilder();
    for (char c : line.toCharArray()) {
      if (c == '\t') {
        do {
          sb.append(' ');
        } while (sb.length() % 8 != 0);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
