package org.stdsearch.recognise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.recognise.RecognisedStandard.Clause;
import org.stdsearch.recognise.RecognisedStandard.Reference;
import org.stdsearch.recognise.RecognisedStandard.TermEntry;

/**
 * Finds the structure of the body text: numbered clauses and annexes, the entries of the terms
 * and definitions clause, and the cited standards.
 *
 * <p>A heading is a short line starting with a clause number ({@code 4.2.1 Title},
 * {@code 1.  Introduction}, {@code 附录 A}, {@code Annex B}, {@code A.1 Title}), or a bare
 * number such as {@code 3.1} with its heading on the next line (GB term entries). Tables of
 * contents are skipped by their dot leaders; list items, page numbers and table rows are
 * rejected because numbering must move forward plausibly from the previous heading.
 */
final class StructureReader {
  // The heading and dot-leader patterns are package-private: StructureReaderTest checks the quick
  // scans that skip lines (mayStartHeading, mayHaveLeaders) against them.
  static final Pattern NUMBERED =
      Pattern.compile("^[ \\t]*(\\d{1,2}(?:\\s?\\.\\s?\\d{1,2}){0,5})\\.?[ \\t]+(\\S.{0,120}?)\\s*$");
  static final Pattern BARE_NUMBER = Pattern.compile("^[ \\t]*(\\d{1,2}(?:\\.\\d{1,2}){1,5})[ \\t]*$");
  static final Pattern ANNEX = Pattern.compile(
      "^[ \\t]*(?:附\\s*录\\s*([A-Z])|(?:Annex|Appendix)\\s+([A-Z]))\\b[.:]?\\s*(.{0,120}?)\\s*$");
  static final Pattern ANNEX_SUB =
      Pattern.compile("^[ \\t]*([A-Z](?:\\.\\d{1,2}){1,5})\\.?[ \\t]+(\\S.{0,120}?)\\s*$");
  static final Pattern LEADERS = Pattern.compile("(\\.\\s?){4,}|[…⋯·]{2,}|…|\\s\\d+\\s*$");
  private static final Pattern HEADING_START = Pattern.compile("^[\\p{IsHan}\\p{Lu}\\p{Ll}(（\"“]");
  private static final Pattern TERMS_HEADING =
      Pattern.compile("(术语和定义|术语与定义|^术语$|Terms and definitions|Terms, definitions|Definitions|Terminology)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NORMATIVE_HEADING =
      Pattern.compile("(规范性引用文件|Normative references|^References$)", Pattern.CASE_INSENSITIVE);
  /** ITU-T and IEC term entries put the term before a colon on the number's line: "3.1 key manager: entity ...". */
  static final Pattern TERM_LINE =
      Pattern.compile("^[ \\t]*(\\d{1,2}(?:\\.\\d{1,2}){1,3})[ \\t]+([^:：]{1,60}?)\\s*[:：]\\s+\\S.*$");
  private static final Pattern HAN_TERM = Pattern.compile("^([\\p{IsHan}\\p{IsHan}0-9A-Za-z/（）()\\-]*?\\p{IsHan}[\\p{IsHan}（）()0-9]*)\\s*(.*)$");
  private static final int MAX_DEFINITION = 1000;
  private static final Pattern STATUS = Pattern.compile("^[(（][^()（）]*[)）]\\s*");

  private StructureReader() {}

  static List<Clause> clauses(ExtractedDocument doc, String folded) {
    List<Heading> headings = headings(folded);
    List<Clause> out = new ArrayList<>();
    for (int i = 0; i < headings.size(); i++) {
      Heading h = headings.get(i);
      int end = folded.length();
      for (int j = i + 1; j < headings.size(); j++) {
        if (headings.get(j).depth() <= h.depth()) {
          end = headings.get(j).start();
          break;
        }
      }
      out.add(new Clause(h.number(), original(doc.text(), folded, h), h.start(), end,
          doc.pageAt(h.start()), doc.pageAt(Math.max(h.start(), end - 1))));
    }
    return out;
  }

  /**
   * The clauses of a document whose sections are known from its markup ({@link RfcOutline}):
   * each heading is found as a line of its own in the text, from the last section backwards, so
   * a table of contents listing the same names earlier is passed over. A section not found is
   * left out; an unnumbered one only ends the clause before it.
   */
  static List<Clause> locate(List<RfcOutline.Section> outline, ExtractedDocument doc, String folded) {
    Map<String, List<Integer>> lines = new java.util.HashMap<>();
    int offset = 0;
    for (String line : folded.split("\n", -1)) {
      String key = clean(line);
      if (!key.isEmpty() && key.length() <= 200) {
        lines.computeIfAbsent(key, k -> new ArrayList<>()).add(offset + (line.length() - line.stripLeading().length()));
      }
      offset += line.length() + 1;
    }
    int[] starts = new int[outline.size()];
    int limit = folded.length();
    for (int i = outline.size() - 1; i >= 0; i--) {
      starts[i] = -1;
      List<Integer> at = lines.getOrDefault(outline.get(i).heading(), List.of());
      for (int k = at.size() - 1; k >= 0; k--) {
        if (at.get(k) < limit) {
          starts[i] = at.get(k);
          limit = at.get(k);
          break;
        }
      }
    }
    List<Clause> out = new ArrayList<>();
    for (int i = 0; i < outline.size(); i++) {
      RfcOutline.Section s = outline.get(i);
      if (s.number() == null || starts[i] < 0) {
        continue;
      }
      int end = folded.length();
      for (int j = i + 1; j < outline.size(); j++) {
        if (starts[j] >= 0 && (outline.get(j).depth() <= s.depth() || outline.get(j).number() == null)) {
          end = starts[j];
          break;
        }
      }
      out.add(new Clause(s.number(), s.heading(), starts[i], end, doc.pageAt(starts[i]),
          doc.pageAt(Math.max(starts[i], end - 1))));
    }
    return out;
  }

  /** The heading as printed: folding wrote "GB/T 22180—2016" as "GB/T 22180-2016" (same length). */
  private static String original(String text, String folded, Heading h) {
    // Look only where the heading can be (within 200 characters of its line start): an unbounded
    // indexOf scans to the end of the text for every heading not found, quadratic on long texts.
    int windowEnd = Math.min(folded.length(), h.start() + 200 + h.heading().length());
    int at = folded.substring(h.start(), windowEnd).indexOf(h.heading());
    if (text.length() != folded.length() || at < 0) {
      return h.heading();
    }
    return text.substring(h.start() + at, h.start() + at + h.heading().length());
  }

  private record Heading(String number, String heading, int start, int depth, int[] path) {}

  private static List<Heading> headings(String text) {
    List<Heading> out = new ArrayList<>();
    int[] previous = null;
    boolean inAnnex = false;
    int offset = 0;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int start = offset + (line.length() - line.stripLeading().length());
      offset += line.length() + 1;
      if (line.length() > 160 || !mayStartHeading(line)
          || mayHaveLeaders(line) && LEADERS.matcher(line).find() && !BARE_NUMBER.matcher(line).matches()) {
        continue;
      }
      Matcher annex = ANNEX.matcher(line);
      if (annex.matches()) {
        String letter = annex.group(1) != null ? annex.group(1) : annex.group(2);
        int[] path = {100 + letter.charAt(0) - 'A'};
        if (previous == null || follows(previous, path, true)) {
          String heading = annexHeading(annex.group(3), lines, i);
          out.add(new Heading(letter, clean(heading), start, 1, path));
          previous = path;
          inAnnex = true;
        }
        continue;
      }
      Matcher sub = ANNEX_SUB.matcher(line);
      if (inAnnex && sub.matches() && HEADING_START.matcher(sub.group(2)).find()) {
        String number = sub.group(1);
        int[] path = annexPath(number);
        if (follows(previous, path, false)) {
          out.add(new Heading(number, clean(sub.group(2)), start, path.length, path));
          previous = path;
        }
        continue;
      }
      if (!out.isEmpty() && repeatsFirstHeading(line, out.get(0))) {
        // The first heading again: what came before was a table of contents without page
        // numbers (RFC HTML), whose last entry would otherwise span the whole document.
        out.clear();
        previous = null;
        inAnnex = false;
      }
      if (inAnnex) {
        continue; // numbered lines inside annexes are list items and table rows
      }
      String number;
      String heading;
      Matcher bare = BARE_NUMBER.matcher(line);
      Matcher numbered = NUMBERED.matcher(line);
      Matcher termLine = TERM_LINE.matcher(line);
      boolean term = false;
      if (bare.matches()) {
        number = bare.group(1);
        heading = nextLine(lines, i);
        term = true; // IEC term entries: "3.1" then the term, lower case, on the next line
      } else if (termLine.matches() && !numbered.matches()) {
        number = termLine.group(1);
        heading = termLine.group(2);
        term = true;
      } else if (termLine.matches() && numbered.group(2).length() > 60) {
        number = termLine.group(1);
        heading = termLine.group(2);
        term = true;
      } else if (numbered.matches()) {
        number = numbered.group(1).replace(" ", "");
        heading = numbered.group(2);
      } else {
        continue;
      }
      if (heading == null || !isHeadingText(heading) && !(term && isTermText(heading))) {
        continue;
      }
      int[] path = Arrays.stream(number.split("\\.")).mapToInt(Integer::parseInt).toArray();
      if (follows(previous, path, false)) {
        out.add(new Heading(number, clean(heading), start, path.length, path));
        previous = path;
      }
    }
    return out;
  }

  /**
   * Whether {@code line} can match any heading pattern at all: after spaces and tabs, each of them
   * starts with a digit, an upper-case Latin letter ({@code A.1}, {@code Annex}, {@code Appendix})
   * or {@code 附} ({@code 附录}). Most lines of a standard are running text and fail here, before
   * any pattern is tried.
   */
  static boolean mayStartHeading(String line) {
    for (int k = 0; k < line.length(); k++) {
      char c = line.charAt(k);
      if (c != ' ' && c != '\t') {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '附';
      }
    }
    return false;
  }

  /**
   * Whether {@link #LEADERS} can find anything in {@code line}: four dots, one of the ellipsis and
   * middle-dot characters, or a number at its end. Lines starting with a capital or a number are
   * often running text or table rows, and this scan is cheaper than the pattern's search.
   */
  static boolean mayHaveLeaders(String line) {
    int dots = 0;
    for (int k = 0; k < line.length(); k++) {
      char c = line.charAt(k);
      if (c == '.' && ++dots >= 4 || c == '…' || c == '⋯' || c == '·') {
        return true;
      }
    }
    int end = line.length() - 1;
    // the pattern's $ also matches before a final line terminator, which NEL is and Java's whitespace is not
    while (end >= 0 && (Character.isWhitespace(line.charAt(end)) || line.charAt(end) == '\u0085')) {
      end--;
    }
    return end >= 0 && Character.isDigit(line.charAt(end));
  }

  private static boolean repeatsFirstHeading(String line, Heading first) {
    Matcher numbered = NUMBERED.matcher(line);
    return first.path().length == 1 && numbered.matches()
        && numbered.group(1).replace(" ", "").equals(first.number())
        && clean(numbered.group(2)).equalsIgnoreCase(first.heading());
  }

  /**
   * The title of an annex: after its status, which GB/T 1.1 prints on a line of its own
   * ({@code (资料性)}), ISO beside the letter ({@code (informative)}) and ITU-T as a sentence in
   * brackets ({@code (This appendix does not form an integral part ...)}).
   */
  private static String annexHeading(String sameLine, String[] lines, int i) {
    String heading = STATUS.matcher(sameLine).replaceFirst("").strip();
    for (int k = i + 1; heading.isEmpty() && k < Math.min(lines.length, i + 5); k++) {
      heading = STATUS.matcher(lines[k].strip()).replaceFirst("").strip();
    }
    return heading;
  }

  private static int[] annexPath(String number) {
    String[] parts = number.split("\\.");
    int[] path = new int[parts.length];
    path[0] = 100 + parts[0].charAt(0) - 'A';
    for (int k = 1; k < parts.length; k++) {
      path[k] = Integer.parseInt(parts[k]);
    }
    return path;
  }

  /**
   * Whether {@code next} plausibly follows {@code previous} in document order: the next sibling
   * (gap of at most one, for a missed heading), the first child, or the next sibling of an
   * ancestor. Numbering that restarts or jumps is a list or a table, not a clause.
   */
  static boolean follows(int[] previous, int[] next, boolean annex) {
    if (previous == null) {
      return next.length == 1 && next[0] <= 2 || annex;
    }
    if (annex) {
      return next[0] >= 100 ? previous[0] < 100 ? next[0] == 100 : next[0] - previous[0] >= 1 && next[0] - previous[0] <= 2 : false;
    }
    if (next.length == previous.length + 1) {
      if (!prefixEquals(previous, next, previous.length)) {
        return false;
      }
      return next[next.length - 1] <= 2;
    }
    if (next.length > previous.length + 1) {
      return false;
    }
    int last = next.length - 1;
    if (!prefixEquals(previous, next, last)) {
      return false;
    }
    int step = next[last] - previous[last];
    return step >= 1 && step <= 2;
  }

  private static boolean prefixEquals(int[] a, int[] b, int length) {
    for (int k = 0; k < length; k++) {
      if (a[k] != b[k]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTermText(String heading) {
    String h = heading.strip();
    return h.length() <= 60 && h.matches("^[a-z][\\p{L}\\p{N} ,;()/-]*$");
  }

  private static boolean isHeadingText(String heading) {
    String h = heading.strip();
    return HEADING_START.matcher(h).find()
        && h.length() <= 100
        && !h.matches(".*[。；;，,:：]$")
        && !h.matches("^[a-z].*")
        && h.chars().filter(Character::isDigit).count() * 2 < h.length();
  }

  private static String nextLine(String[] lines, int i) {
    for (int k = i + 1; k < Math.min(lines.length, i + 3); k++) {
      if (!lines[k].isBlank()) {
        return lines[k].strip();
      }
    }
    return null;
  }

  private static String clean(String heading) {
    return heading == null ? "" : heading.replaceAll("\\s+", " ").strip();
  }

  /**
   * The clauses without the term entries: {@code 3.1} under "Terms and definitions" is an entry
   * of {@link #terms}, not a heading a reader navigates by (tables of contents stop above them).
   */
  static List<Clause> withoutTermEntries(List<Clause> clauses) {
    List<String> termParents = clauses.stream()
        .filter(c -> TERMS_HEADING.matcher(c.heading()).find()).map(Clause::number).toList();
    return clauses.stream().filter(c -> termParents.stream().noneMatch(p ->
        c.number().startsWith(p + ".") && c.number().split("\\.").length == p.split("\\.").length + 1)).toList();
  }

  /** Term entries: the children of a terms-and-definitions clause, split into Chinese and English terms. */
  static List<TermEntry> terms(List<Clause> clauses, String folded) {
    List<TermEntry> out = new ArrayList<>();
    for (Clause parent : clauses) {
      if (!TERMS_HEADING.matcher(parent.heading()).find()) {
        continue;
      }
      for (Clause c : clauses) {
        if (!c.number().startsWith(parent.number() + ".") || c.number().split("\\.").length != parent.number().split("\\.").length + 1) {
          continue;
        }
        String[] split = splitTerm(c.heading());
        if (split[0] == null && split[1] == null) {
          continue;
        }
        int headingEnd = folded.indexOf(c.heading().isEmpty() ? "\n" : lastWord(c.heading()), c.start());
        int from = headingEnd < 0 || headingEnd > c.end() ? c.start() : folded.indexOf('\n', headingEnd);
        String definition = from < 0 || from >= c.end() ? "" : folded.substring(from, c.end()).replaceAll("\\s+", " ").strip();
        if (definition.length() > MAX_DEFINITION) {
          definition = definition.substring(0, MAX_DEFINITION);
        }
        out.add(new TermEntry(split[0], split[1], definition.isEmpty() ? null : definition, c.number()));
      }
    }
    return out;
  }

  private static String lastWord(String heading) {
    String[] words = heading.split("\\s+");
    return words[words.length - 1];
  }

  /** "个人信息 personal information" → {个人信息, personal information}; English-only headings keep termZh null. */
  static String[] splitTerm(String heading) {
    String h = heading.strip();
    if (DocumentText.hanShare(h) == 0) {
      return new String[] {null, h.isEmpty() ? null : h};
    }
    Matcher m = HAN_TERM.matcher(h);
    if (m.matches()) {
      String en = m.group(2).strip();
      return new String[] {m.group(1).strip(), en.isEmpty() ? null : en};
    }
    return new String[] {h, null};
  }

  /**
   * Cited standards with normalised keys: those inside the normative references clause are
   * normative, the rest informative. The document's own identifier is not a reference.
   */
  static List<Reference> references(List<Clause> clauses, String folded, Set<String> ownKeys) {
    Map<String, Reference> byKey = new LinkedHashMap<>();
    for (Clause c : clauses) {
      if (NORMATIVE_HEADING.matcher(c.heading()).find()) {
        collect(folded.substring(c.start(), c.end()), true, ownKeys, byKey);
      }
    }
    collect(folded, false, ownKeys, byKey);
    return List.copyOf(byKey.values());
  }

  private static void collect(String text, boolean normative, Set<String> ownKeys, Map<String, Reference> byKey) {
    for (IdentifierMatch m : IdentifierParser.findAll(text)) {
      StandardIdentifier id = m.identifier();
      String key = StandardRecogniser.referenceKey(id);
      if (key == null || ownKeys.contains(key) || ownKeys.contains(id.undatedKey()) && id.year() == null) {
        continue;
      }
      byKey.putIfAbsent(key, new Reference(text.substring(m.start(), m.end()), key, normative));
    }
  }
}
