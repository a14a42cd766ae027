package org.stdsearch.recognise;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdsearch.recognise.StandardIdentifier.Scheme;

/**
 * Identifier grammars of consortia, web and algorithm specifications: W3C and WHATWG shortnames,
 * OASIS work products, Khronos specifications, Ecma standards, 3GPP specifications, IETF
 * Internet-Drafts, NIST FIPS and SP, and the OSCCA algorithms (SM2, SM3, SM4, SM9, ZUC).
 *
 * <p>The families named by a bare name (W3C, WHATWG, Khronos) are only read where a person types
 * them, or from a document's own metadata: in running text "W3C and" or "Khronos Group" would be
 * taken for identifiers. The others need their family's own marks in running text (the {@code
 * OSCCA} prefix, an OASIS version, the hyphen of {@code ECMA-262}).
 */
enum SpecificationGrammar implements Grammar {
  W3C("W3C" + Grammar.SOME_SPACES + "(?<short>[A-Za-z][A-Za-z0-9.-]{0,48}?)(?:-(?<level>\\d{1,2}))?" + NAME_END
      + "(?:" + Grammar.SOME_SPACES + "(?<maturity>ED|FPWD|WD|CRD|CR|PR|REC|NOTE|DNOTE|STMT|DRY|CRY|RY))?", "W3") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      if (strict) {
        return null;
      }
      return new StandardIdentifier(Scheme.W3C, "W3C", m.group("short"),
          m.group("level") == null ? List.of() : List.of(m.group("level")), null, null,
          m.group("maturity") == null ? null : upper(m.group("maturity")), null);
    }
  },

  WHATWG("WHATWG" + Grammar.SOME_SPACES + "(?<short>[A-Za-z][A-Za-z0-9-]{0,40})" + NAME_END, "WH") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      return strict ? null : new StandardIdentifier(Scheme.WHATWG, "WHATWG", m.group("short"), List.of(),
          null, null, null, null);
    }
  },

  OASIS("OASIS" + Grammar.SOME_SPACES + "(?<name>[A-Za-z][A-Za-z0-9]{1,20})"
      + "(?:" + Grammar.ANY_SPACES + "-?" + Grammar.ANY_SPACES + "(?:v|Version" + Grammar.SOME_SPACES + ")"
      + "(?<ver>\\d{1,2}(?:\\.\\d{1,2}){0,2}))?"
      + "(?:-(?<stage>(?:csd|csprd|cs|cnd|cn|wd|os)\\d{0,2}))?", "OA") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      if (strict && m.group("ver") == null) {
        return null; // "OASIS Standard", "OASIS Open": a version marks a work product
      }
      return new StandardIdentifier(Scheme.OASIS, "OASIS", lower(m.group("name")), List.of(), null, null,
          m.group("ver"), m.group("stage") == null ? null : lower(m.group("stage")));
    }
  },

  KHRONOS("Khronos" + Grammar.SOME_SPACES + "(?<name>[A-Za-z][A-Za-z0-9_+-]{0,40}?)" + NAME_END
      + "(?:" + Grammar.SOME_SPACES + "(?:Version" + Grammar.SOME_SPACES + ")?(?<ver>\\d{1,2}\\.\\d{1,2}(?:\\.\\d{1,3})?))?",
      "KH") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      return strict ? null : new StandardIdentifier(Scheme.KHRONOS, "Khronos", m.group("name"), List.of(), null,
          null, m.group("ver"), null);
    }
  },

  ECMA("ECMA" + Grammar.ANY_SPACES + "(?<dash>-)?" + Grammar.ANY_SPACES + "(?<num>\\d{1,4})"
      + "(?:" + Grammar.ANY_SPACES + ",?" + Grammar.ANY_SPACES
      + "(?:(?<ed>\\d{1,2})(?:st|nd|rd|th)" + Grammar.SOME_SPACES + "[Ee]dition"
      + "|[Ee]dition" + Grammar.SOME_SPACES + "(?<ed2>\\d{1,2})))?", "EC") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      if (strict && m.group("dash") == null) {
        return null;
      }
      String edition = m.group("ed") != null ? m.group("ed") : m.group("ed2");
      return new StandardIdentifier(Scheme.ECMA, "ECMA", Integer.toString(Integer.parseInt(m.group("num"))),
          List.of(), null, null, edition, null);
    }
  },

  THREE_GPP("3GPP" + Grammar.ANY_SPACES + "(?<type>TS|TR)" + Grammar.ANY_SPACES + "(?<num>\\d{2}\\.\\d{3})"
      + "(?:-(?<part>\\d{1,2}))?(?:" + Grammar.SOME_SPACES + "V?(?<ver>\\d{1,2}\\.\\d{1,2}\\.\\d{1,2}))?", "3G") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      return new StandardIdentifier(Scheme.THREE_GPP, "3GPP " + upper(m.group("type")), m.group("num"),
          m.group("part") == null ? List.of() : List.of(m.group("part")), null, null, m.group("ver"), null);
    }
  },

  DRAFT("draft-(?<name>[a-z0-9]+(?:-[a-z0-9]+)+?)(?:-(?<rev>\\d{2}))?" + NAME_END, "dr", "DR", "Dr") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      return new StandardIdentifier(Scheme.DRAFT, "Internet-Draft", lower(m.group("name")), List.of(), null, null,
          m.group("rev"), null);
    }
  },

  NIST("(?:NIST" + Grammar.SOME_SPACES + ")?(?:(?:FIPS(?:" + Grammar.SOME_SPACES + "PUB)?"
      + "|Federal Information Processing Standards?" + Grammar.SOME_SPACES + "(?:Publication|PUB))" + Grammar.ANY_SPACES
      + "(?<fips>\\d{2,3})(?:-(?<fipsrev>\\d))?"
      + "|(?:SP|Special" + Grammar.SOME_SPACES + "Publication)" + Grammar.ANY_SPACES
      + "(?<series>800|500|1800|1500)-(?<sp>\\d{1,3}[A-Z]?)"
      + "(?:" + Grammar.ANY_SPACES + "Rev(?:ision|\\.)?" + Grammar.ANY_SPACES + "(?<rev>\\d{1,2}))?)",
      "NI", "FI", "Fe", "SP", "Sp") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      if (m.group("fips") != null) {
        return new StandardIdentifier(Scheme.NIST, "FIPS", m.group("fips"),
            m.group("fipsrev") == null ? List.of() : List.of(m.group("fipsrev")), null, null, null, null);
      }
      return new StandardIdentifier(Scheme.NIST, "NIST SP", m.group("series"), List.of(upper(m.group("sp"))), null,
          null, m.group("rev"), null);
    }
  },

  OSCCA("(?<oscca>OSCCA" + Grammar.ANY_SPACES + ")?(?<alg>SM[2-49]|ZUC(?:-(?:128|256))?)"
      + "(?:" + Grammar.ANY_SPACES + "(?:-|Part|第)" + Grammar.ANY_SPACES + "(?<part>\\d{1,2})(?:" + Grammar.ANY_SPACES
      + "部分)?)?", "OS", "SM", "ZU") {
    @Override
    public StandardIdentifier build(Matcher m, CharSequence text, boolean strict) {
      if (strict && m.group("oscca") == null) {
        return null; // "SM3" in running text names the algorithm, and cover lines name it in titles
      }
      return new StandardIdentifier(Scheme.OSCCA, "OSCCA", upper(m.group("alg")),
          m.group("part") == null ? List.of() : List.of(m.group("part")), null, null, null, null);
    }
  };

  private final Pattern strict;
  private final Pattern lax;
  private final List<String> starts;

  SpecificationGrammar(String body, String... starts) {
    this.strict = Grammar.compile(body, true);
    this.lax = Grammar.compile(body, false);
    this.starts = List.of(starts);
  }

  @Override
  public Pattern pattern(boolean strictMode) {
    return strictMode ? strict : lax;
  }

  @Override
  public List<String> starts() {
    return starts;
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
