package org.stdsearch.recognise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdsearch.recognise.StandardIdentifier.Scheme;

/**
 * The front door for standard identifiers: parses one ({@link #parse}), finds them in running
 * text ({@link #findAll}) and turns what a person types into index keys ({@link #queryKeys}).
 * The indexer and the search API both call {@link #normaliseKey}, so their keys agree.
 */
public final class IdentifierParser {

  private static final Grammar[] GRAMMARS = grammars();

  /**
   * For each grammar, the two-character starts of its identifiers, indexed {@code c1 * 128 +
   * c2}, for each mode: only grammars that can match at a position are tried there.
   */
  private static final boolean[][] STRICT_STARTS = starts(true);

  private static final boolean[][] LAX_STARTS = starts(false);

  /**
   * A bare number a person types: {@code 35273}, {@code 32918.2-2016}, {@code 965-1}, {@code
   * 27001:2022}, {@code X.509}, {@code 802.11AX}. Three digits at least: shorter numbers are
   * clause numbers, counts and years far more often than standards.
   */
  private static final Pattern BARE_NUMBER = Pattern.compile(
      "(?<num>[A-Z]{1,2}\\.\\d{1,4}|\\d{3,6}(?:[.-]\\d{1,4})*?(?:[A-Z]{1,4}\\d{0,2})?)"
          + "(?:[-:](?<year>(?:19|20)\\d{2}))?");

  private static final Pattern DIGITS = Pattern.compile("\\d{1,5}");

  /** One word of letters, digits, dots and hyphens, starting with a letter: a possible shortname. */
  private static final Pattern NAME_TOKEN = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{1,60}");

  /** Wrapping people paste along with an identifier: "[RFC9110]", "《GB/T 35273-2020》". */
  private static final String WRAPPING = "[]【】《》〈〉\"'“”‘’,.;，。；、";

  private IdentifierParser() {}

  /**
   * One identifier spelled by the whole of {@code s} (surrounding spaces and quotes allowed), in
   * any case and with full-width or typographic characters; empty when it is not one.
   */
  public static Optional<StandardIdentifier> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String folded = unwrap(fold(s));
    if (folded.isEmpty()) {
      return Optional.empty();
    }
    for (Grammar grammar : GRAMMARS) {
      Matcher m = grammar.pattern(false).matcher(folded);
      if (m.matches()) {
        StandardIdentifier id = grammar.build(m, folded, false);
        if (id != null) {
          return Optional.of(id);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Every identifier in running text, in order and without overlaps. Family prefixes are
   * matched case-sensitively and a bare number is never an identifier here, so dates ({@code
   * 2020-03-06}), clause numbers ({@code 4.2.1}), ICS codes and page numbers are not reported.
   */
  public static List<IdentifierMatch> findAll(String text) {
    Objects.requireNonNull(text, "text");
    return find(text, true);
  }

  /**
   * The keys to look up for what a person typed, most specific first (dated, undated, then
   * near variants such as {@code GB35273} for {@code GB/T 35273}); empty when the input does not
   * look like an identifier. A bare number of three or more digits ({@code 35273}, {@code
   * 32918.2}) yields itself, matching the bare-number keys in {@link
   * StandardIdentifier#indexKeys()}. Identifiers inside a longer query ({@code GB/T 35273
   * 个人信息}) are found too.
   */
  public static List<String> queryKeys(String userInput) {
    if (userInput == null || userInput.isBlank()) {
      return List.of();
    }
    Optional<StandardIdentifier> whole = parse(userInput);
    if (whole.isPresent()) {
      return keysToLookUp(whole.get());
    }
    String key = unwrap(normaliseKey(userInput));
    Matcher bare = BARE_NUMBER.matcher(key);
    if (bare.matches()) {
      String number = bare.group("num");
      return bare.group("year") == null
          ? List.of(number)
          : List.of(number + "-" + bare.group("year"), number);
    }
    Set<String> keys = new LinkedHashSet<>();
    for (IdentifierMatch match : find(userInput, false)) {
      keys.addAll(keysToLookUp(match.identifier()));
    }
    String token = unwrap(fold(userInput));
    if (keys.isEmpty() && NAME_TOKEN.matcher(token).matches()) {
      // A single word may be a shortname ("webauthn", "fetch", "json-ld11"): W3C, WHATWG,
      // Khronos and OASIS documents are indexed under theirs without the family.
      keys.add(normaliseKey(token));
    }
    return List.copyOf(keys);
  }

  /**
   * Whether what a person typed is written as an identifier (a family and a number, or a bare
   * number), as opposed to a word that might only be a shortname.
   */
  public static boolean looksLikeIdentifier(String userInput) {
    if (userInput == null || userInput.isBlank()) {
      return false;
    }
    return parse(userInput).isPresent() || BARE_NUMBER.matcher(unwrap(normaliseKey(userInput))).matches()
        || !find(userInput, false).isEmpty();
  }

  /**
   * The one key normalisation: full-width and typographic forms folded to ASCII, whitespace and
   * {@code ™} removed, upper case. {@code GB／T 35273—2020} → {@code GB/T35273-2020}.
   */
  public static String normaliseKey(String s) {
    Objects.requireNonNull(s, "s");
    String folded = fold(s);
    StringBuilder key = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c != ' ' && c != '\u2122' && !Character.isWhitespace(c)) {
        key.append(c);
      }
    }
    return key.toString().toUpperCase(Locale.ROOT);
  }

  /** RFC {@code number}, for RFC headers that list bare numbers ({@code Obsoletes: 2616}). */
  public static StandardIdentifier rfc(int number) {
    if (number <= 0) {
      throw new IllegalArgumentException("number must be positive: " + number);
    }
    return new StandardIdentifier(Scheme.IETF, "RFC", Integer.toString(number), List.of(), null,
        null, null, null);
  }

  /** The RFCs in a header list such as {@code 2616, 7230} or {@code RFC 2616, RFC 7230}. */
  public static List<StandardIdentifier> rfcList(String list) {
    Objects.requireNonNull(list, "list");
    return DIGITS.matcher(fold(list)).results()
        .map(r -> Integer.parseInt(r.group()))
        .filter(n -> n > 0)
        .map(IdentifierParser::rfc)
        .toList();
  }

  /**
   * Folds full-width forms, dashes, slashes and spaces to ASCII one character for one, so
   * offsets in the folded text are offsets in the original. Case is kept.
   */
  static String fold(String s) {
    char[] out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char f = foldChar(c);
      if (f != c) {
        if (out == null) {
          out = s.toCharArray();
        }
        out[i] = f;
      }
    }
    return out == null ? s : new String(out);
  }

  private static char foldChar(char c) {
    if (c < 0x80) {
      return c == '\t' ? ' ' : c;
    }
    if (c >= '\uFF01' && c <= '\uFF5E') {
      return (char) (c - 0xFEE0); // full-width ASCII: ＧＢ／Ｔ　３５２７３－２０２０
    }
    return switch (c) {
      case '\u00A0', '\u3000', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005',
          '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u202F', '\u205F' -> ' ';
      // GB covers write the year after an em dash ("GB/T 35273—2020"); PDFs add the rest.
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58',
          '\uFE63' -> '-';
      // "GB∕T" (division slash) appears in file names and PDFs made from them.
      case '\u2215', '\u2044', '\u29F8' -> '/';
      default -> c;
    };
  }

  private static List<IdentifierMatch> find(String text, boolean strict) {
    String folded = fold(text);
    boolean[][] startTables = strict ? STRICT_STARTS : LAX_STARTS;
    Matcher[] matchers = new Matcher[GRAMMARS.length];
    for (int g = 0; g < GRAMMARS.length; g++) {
      matchers[g] = GRAMMARS[g].pattern(strict).matcher(folded)
          .useTransparentBounds(true)
          .useAnchoringBounds(false);
    }
    List<IdentifierMatch> found = new ArrayList<>();
    int n = folded.length();
    int i = 0;
    while (i < n - 1) {
      int start = candidateStart(folded, i, strict);
      if (start < 0) {
        i++;
        continue;
      }
      int next = i + 1;
      for (int g = 0; g < GRAMMARS.length; g++) {
        if (!startTables[g][start]) {
          continue;
        }
        Matcher m = matchers[g].region(i, n);
        if (m.lookingAt()) {
          StandardIdentifier id = GRAMMARS[g].build(m, folded, strict);
          if (id != null) {
            found.add(new IdentifierMatch(id, m.start(), m.end()));
            next = m.end();
            break;
          }
        }
      }
      i = next;
    }
    return List.copyOf(found);
  }

  /**
   * A cheap test before any regex runs: at a word start, the index {@code c1 * 128 + c2} of its
   * first two characters, or -1. Most positions in a document fail it, which keeps {@link
   * #findAll} fast.
   */
  private static int candidateStart(String s, int i, boolean strict) {
    char c1 = s.charAt(i);
    char c2 = s.charAt(i + 1);
    // A digit starts only "3GPP": it must be followed by a letter.
    if (c1 >= 128 || c2 >= 128 || !(Character.isLetter(c1) || Character.isDigit(c1) && Character.isLetter(c2))) {
      return -1;
    }
    if (i > 0) {
      char before = s.charAt(i - 1);
      if (before < 128 && Character.isLetterOrDigit(before)) {
        return -1;
      }
    }
    if (!strict) {
      c1 = Character.toUpperCase(c1);
      c2 = Character.toUpperCase(c2);
    }
    return c1 * 128 + c2;
  }

  private static Grammar[] grammars() {
    List<Grammar> all = new ArrayList<>(List.of(IdentifierGrammar.values()));
    all.addAll(List.of(SpecificationGrammar.values()));
    return all.toArray(new Grammar[0]);
  }

  private static boolean[][] starts(boolean strict) {
    boolean[][] tables = new boolean[GRAMMARS.length][128 * 128];
    for (int g = 0; g < GRAMMARS.length; g++) {
      for (String start : GRAMMARS[g].starts()) {
        String s = strict ? start : start.toUpperCase(Locale.ROOT);
        tables[g][s.charAt(0) * 128 + s.charAt(1)] = true;
      }
    }
    return tables;
  }

  private static List<String> keysToLookUp(StandardIdentifier id) {
    Set<String> keys = new LinkedHashSet<>(id.editionKeys());
    keys.add(id.undatedKey());
    if (id.scheme() == Scheme.CHINESE && !id.family().startsWith("T/")) {
      // People mix up GB and GB/T (and many GB/T were once GB with the same number): the other
      // kinds come last, so an exact family still ranks first.
      String base = id.family().replaceFirst("/[TZ]?$", "");
      for (String kind : List.of("", "/T", "/Z")) {
        keys.add(normaliseKey(base + kind + " " + id.numberWithParts()));
      }
    }
    return List.copyOf(keys);
  }

  private static String unwrap(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (Character.isWhitespace(s.charAt(from))
        || WRAPPING.indexOf(s.charAt(from)) >= 0)) {
      from++;
    }
    while (to > from && (Character.isWhitespace(s.charAt(to - 1))
        || WRAPPING.indexOf(s.charAt(to - 1)) >= 0)) {
      to--;
    }
    return s.substring(from, to);
  }
}
