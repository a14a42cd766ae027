package org.stdsearch.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdsearch.recognise.StandardIdentifier.Scheme;

/**
 * One regular expression per identifier scheme, and how a match becomes a {@link
 * StandardIdentifier}. Each pattern is compiled twice: case-sensitive for running text, where
 * "rfc" or "iso" in lower case is more often a word than a reference, and case-insensitive for
 * what a person types.
 *
 * <p>Patterns run on text already folded by {@link IdentifierParser#fold} (full-width forms,
 * dashes and spaces made ASCII), so they only need ASCII. Every repetition is bounded or cannot
 * overlap its neighbour, so matching is linear in the text.
 */
enum IdentifierGrammar implements Grammar {
  CHINESE(
      "(?:DB ?(?<region>\\d{2})(?:" + Spaces.ANY + "/" + Spaces.ANY + "(?<lkind>[TZ])?|(?=[ \\t]))"
          + "|T" + Spaces.ANY + "/" + Spaces.ANY + "(?<gorg>[A-Z]{2,12})"
          // Any two or three letters, checked against the code list in build(): a 70-way
          // alternation here made every attempt ten times slower.
          + "|(?<code>[A-Z]{2,3})"
          + "(?:" + Spaces.ANY + "(?<sep>[/-])?" + Spaces.ANY + "(?<kind>[TZ]))?)"
          + Spaces.ANY + "(?<num>\\d{1,6})(?<parts>(?:\\.\\d{1,4})*+)"
          + "(?:" + Spaces.ANY + "-{1,2}" + Spaces.ANY + "(?<year>(?:19|20)\\d{2}|[5-9]\\d))?+"
          + "(?:" + Spaces.ANY + "/" + Spaces.ANY + "(?<supp>XG\\d{1,2}(?:-(?:19|20)\\d{2})?))?",
      "GB", "DB", "T/") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      String family;
      Integer year = chineseYear(m.group("year"));
      if (m.group("region") != null) {
        String kind = m.group("lkind");
        family = "DB" + m.group("region") + (kind == null ? "" : "/" + upper(kind));
      } else if (m.group("gorg") != null) {
        family = "T/" + upper(m.group("gorg"));
      } else {
        String code = upper(m.group("code"));
        String kind = m.group("kind");
        if (kind == null && code.length() == 3 && !ChineseIndustryCodes.isCode(code)
            && (code.endsWith("T") || code.endsWith("Z"))) {
          kind = code.substring(2); // "GBT 35273", "JTT 808": the slash left out
          code = code.substring(0, 2);
        }
        if (!code.equals("GB") && !ChineseIndustryCodes.isCode(code)) {
          return null;
        }
        if (strict && !code.equals("GB")) {
          // In running text "JT 808" or "GMT 0800" is too often something else; the slash or a
          // year is what marks an industry standard.
          if (kind != null ? !"/".equals(m.group("sep")) : year == null) {
            return null;
          }
        }
        if (strict && kind == null && year == null && followsQuantity(text, m.start())) {
          return null; // "8 GB 2400 MHz": gigabytes, not a national standard.
        }
        family = code + (kind == null ? "" : "/" + upper(kind));
      }
      String supplement = m.group("supp") == null ? null : upper(m.group("supp"));
      return new StandardIdentifier(Scheme.CHINESE, family, m.group("num"),
          split(m.group("parts"), '.'), year, null, null, supplement);
    }
  },

  ISO(
      "(?=[A-Za-z])(?:(?<nat>DIN|BS|NF)" + Spaces.ONE_OR_MORE + ")?(?:(?<en>EN)" + Spaces.ANY + ")?"
          + "(?<org>ISO(?:" + Spaces.ANY + "[/-]?" + Spaces.ANY + "IEC)?(?:" + Spaces.ANY + "[/-]?" + Spaces.ANY + "IEEE)?"
          + "|IEC(?:" + Spaces.ANY + "[/-]?" + Spaces.ANY + "IEEE)?)?"
          + "(?:" + Spaces.ANY + "(?:/" + Spaces.ANY + ")?(?<type>TS|TR|PAS|Guide))?"
          + Spaces.ANY + "(?<num>(?<=EN[ \\t]{0,3})\\d{3} \\d{3}(?!\\d)|\\d{1,6})(?<parts>(?:-\\d{1,4})*+)"
          + "(?::(?<year>(?:19|20)\\d{2})(?:-(?<month>0[1-9]|1[0-2]))?)?+"
          + "(?:" + Spaces.ONE_OR_MORE + "V(?<ver>\\d{1,2}\\.\\d{1,2}\\.\\d{1,2}))?"
          + "(?:" + Spaces.ANY + "(?<sdel>[/+])" + Spaces.ANY + "(?<stype>Amd|AMD|Cor|COR|A)" + Spaces.ANY + "\\.?" + Spaces.ANY
          + "(?<snum>\\d{1,2})(?::(?<syear>(?:19|20)\\d{2}))?)?",
      "DI", "BS", "NF", "EN", "IS", "IE") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      List<String> family = new ArrayList<>();
      if (m.group("nat") != null) {
        family.add(upper(m.group("nat")));
      }
      if (m.group("en") != null) {
        family.add("EN");
      }
      String org = m.group("org") == null ? null : String.join("/", ORGS.matcher(upper(m.group("org")))
          .results().map(r -> r.group()).toList());
      String type = m.group("type") == null ? null : upper(m.group("type"));
      if (type != null) {
        type = type.equals("GUIDE") ? "Guide" : type;
        boolean joint = org != null && org.contains("/");
        org = org == null ? type : org + (joint || type.equals("Guide") ? " " : "/") + type;
      }
      if (org != null) {
        family.add(org);
      }
      if (family.isEmpty()) {
        return null;
      }
      List<String> parts = new ArrayList<>(split(m.group("parts"), '-'));
      Integer year = toInt(m.group("year"));
      if (year == null && !parts.isEmpty() && isPlausibleYear(parts.getLast())) {
        // "ISO 9001-2015": a common misspelling of ISO 9001:2015; no ISO part is numbered 1950-2039.
        year = Integer.valueOf(parts.removeLast());
      }
      String supplement = null;
      if (m.group("stype") != null) {
        String stype = upper(m.group("stype"));
        if (stype.equals("A") != m.group("sdel").equals("+")) {
          return null;
        }
        String syear = m.group("syear") == null ? "" : ":" + m.group("syear");
        supplement = switch (stype) {
          case "AMD" -> "Amd " + m.group("snum") + syear;
          case "COR" -> "Cor " + m.group("snum") + syear;
          default -> "A" + m.group("snum") + syear;
        };
      }
      return new StandardIdentifier(Scheme.ISO, String.join(" ", family),
          m.group("num").replaceAll("[ \\t]+", " "), parts, year, toInt(m.group("month")),
          m.group("ver"), supplement);
    }
  },

  IEEE(
      "(?:ANSI/)?IEEE(?:" + Spaces.ONE_OR_MORE + "(?:Std|STD|Standard)\\.?)?" + Spaces.ANY
          + "(?<num>C?\\d{1,5}(?:\\.\\d{1,3})*+(?:[A-Za-z]{1,4}\\d{0,2})?)\u2122?"
          + "(?:" + Spaces.ANY + "-" + Spaces.ANY + "(?<year>(?:19|20)\\d{2}))?+",
      "IE", "AN") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      String number = m.group("num");
      if (number.startsWith("c")) {
        number = "C" + number.substring(1);
      }
      return new StandardIdentifier(Scheme.IEEE, "IEEE", number, List.of(),
          toInt(m.group("year")), null, null, null);
    }
  },

  ITU(
      "(?<org>ITU-[TR]|CCITT)" + Spaces.ANY + "(?:(?:Recommendation|Rec)\\.?" + Spaces.ONE_OR_MORE + ")?"
          + "(?<series>[A-Z]{1,3})" + Spaces.ANY + "\\." + Spaces.ANY + "(?<num>\\d{1,4}(?:\\.\\d{1,3})?)"
          + "(?:" + Spaces.ANY + "\\(" + Spaces.ANY + "(?:(?<month>0?[1-9]|1[0-2])" + Spaces.ANY + "/" + Spaces.ANY + ")?"
          + "(?<year>(?:19|20)\\d{2})" + Spaces.ANY + "\\))?",
      "IT", "CC") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      return new StandardIdentifier(Scheme.ITU, upper(m.group("org")),
          upper(m.group("series")) + "." + m.group("num"), List.of(), toInt(m.group("year")),
          toInt(m.group("month")), null, null);
    }
  },

  IETF(
      "(?:(?<kind>RFC|STD|BCP|FYI)" + Spaces.ANY + "[-:]?" + Spaces.ANY + "|Request for Comments:" + Spaces.ANY + ")"
          + "(?<num>\\d{1,5})",
      "RF", "ST", "BC", "FY", "Re") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      int number = Integer.parseInt(m.group("num"));
      if (number == 0) {
        return null;
      }
      String kind = m.group("kind") == null ? "RFC" : upper(m.group("kind"));
      return new StandardIdentifier(Scheme.IETF, kind, Integer.toString(number), List.of(),
          null, null, null, null);
    }
  },

  ETSI(
      // "ETSI TS 103 645", and as typed: "etsi ts103645"
      "ETSI" + Spaces.ANY + "(?<type>EN|ES|EG|TS|TR|GS|GR|SR|ETS)" + Spaces.ANY
          + "(?<num>\\d{3}" + Spaces.ANY + "\\d{3})(?!\\d)(?<parts>(?:-\\d{1,3})*+)"
          + "(?:" + Spaces.ONE_OR_MORE + "V(?<ver>\\d{1,2}\\.\\d{1,2}\\.\\d{1,2}))?"
          + "(?:" + Spaces.ANY + "\\(" + Spaces.ANY + "(?<year>(?:19|20)\\d{2})-(?<month>0[1-9]|1[0-2])" + Spaces.ANY + "\\))?",
      "ET") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      String digits = m.group("num").replaceAll("[ \\t]", "");
      return new StandardIdentifier(Scheme.ETSI, "ETSI " + upper(m.group("type")),
          digits.substring(0, 3) + " " + digits.substring(3), split(m.group("parts"), '-'),
          toInt(m.group("year")), toInt(m.group("month")), m.group("ver"), null);
    }
  };

  /** Spaces inside an identifier (a holder class: enum constants cannot read the enum's statics). */
  private static final class Spaces {
    /** Up to three: PDF extraction doubles spaces, and no identifier needs more. */
    static final String ANY = "[ \\t]{0,3}";
    static final String ONE_OR_MORE = "[ \\t]{1,3}";
  }

  private static final Pattern ORGS = Pattern.compile("IEEE|ISO|IEC");

  private final Pattern strict;
  private final Pattern lax;
  private final List<String> starts;

  IdentifierGrammar(String body, String... starts) {
    this.strict = Grammar.compile(body, true);
    this.lax = Grammar.compile(body, false);
    this.starts = List.of(starts);
  }

  @Override
  public abstract StandardIdentifier build(Matcher m, CharSequence text, boolean strict);

  @Override
  public Pattern pattern(boolean strictMode) {
    return strictMode ? strict : lax;
  }

  @Override
  public List<String> starts() {
    if (this == CHINESE) {
      List<String> all = new ArrayList<>(starts);
      ChineseIndustryCodes.CODES.forEach(code -> all.add(code.substring(0, 2)));
      return all;
    }
    return starts;
  }

  private static boolean followsQuantity(CharSequence text, int start) {
    int i = start - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    return i >= 0 && i < start - 1 && Character.isDigit(text.charAt(i));
  }

  private static List<String> split(String parts, char separator) {
    if (parts == null || parts.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    int from = 1;
    for (int i = 1; i <= parts.length(); i++) {
      if (i == parts.length() || parts.charAt(i) == separator) {
        out.add(parts.substring(from, i));
        from = i + 1;
      }
    }
    return out;
  }

  private static boolean isPlausibleYear(String s) {
    if (s.length() != 4) {
      return false;
    }
    int value = Integer.parseInt(s);
    return value >= 1950 && value <= 2039;
  }

  /** Chinese standards before 2000 carried two-digit years: GB 2312-80 is GB 2312-1980. */
  private static Integer chineseYear(String s) {
    if (s == null) {
      return null;
    }
    int value = Integer.parseInt(s);
    return s.length() == 2 ? 1900 + value : value;
  }

  private static Integer toInt(String s) {
    return Grammar.toInt(s);
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
