package org.stdsearch.recognise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed standard identifier such as {@code GB/T 32918.2-2016} or {@code ISO/IEC 27001:2022},
 * with its display form and the normalised keys under which it is indexed and looked up.
 *
 * <p>Every key is {@link IdentifierParser#normaliseKey} of a rendering of this record, so the
 * indexer and the query side cannot drift apart.
 *
 * @param scheme how the family writes its identifiers (separators, dates)
 * @param family e.g. {@code GB/T}, {@code ISO/IEC}, {@code DIN EN ISO}, {@code RFC}, {@code
 *     IEEE}, {@code ITU-T}, {@code ETSI EN}, {@code DB31/T}, {@code T/CESA}
 * @param number the main number as written: {@code 32918}, {@code 965}, {@code 802.11ax},
 *     {@code X.509}, {@code 303 645}
 * @param parts part numbers in order ({@code 32918.2} → {@code [2]}, {@code 62443-3-3} → {@code
 *     [3, 3]}); empty when single-part
 * @param year year of the edition, or null when undated
 * @param month month of the edition (ITU-T {@code (10/2019)}, ETSI {@code (2020-06)}, DIN {@code
 *     :2008-12}), or null
 * @param version ETSI-style version {@code 2.1.1}, or null
 * @param supplement amendment or corrigendum: {@code Amd 1:2016}, {@code Cor 1:2006}, {@code
 *     A1:2009} (EN/IEC "+A1"), {@code XG1-2008} (修改单), or null
 */
public record StandardIdentifier(
    Scheme scheme,
    String family,
    String number,
    List<String> parts,
    Integer year,
    Integer month,
    String version,
    String supplement) {

  /** How a family of identifiers is written; decides separators and where the date goes. */
  public enum Scheme {
    /** GB, GB/T, industry codes, DB31/T, T/XXX: {@code 32918.2-2016}. */
    CHINESE,
    /** ISO, IEC, EN, DIN, BS and their joint forms: {@code 13849-1:2008}. */
    ISO,
    /** IEEE Std: {@code 802.11ax-2021}. */
    IEEE,
    /** ITU-T / ITU-R recommendations: {@code X.509 (10/2019)}. */
    ITU,
    /** RFC, STD, BCP, FYI: a number only. */
    IETF,
    /** ETSI deliverables: {@code 303 645 V2.1.1 (2020-06)}. */
    ETSI,
    /** W3C technical reports by shortname, level as part, maturity as version: {@code W3C webauthn-3 ED}. */
    W3C,
    /** WHATWG living standards by shortname: {@code WHATWG dom}. */
    WHATWG,
    /** OASIS work products, version and stage: {@code OASIS sarif-v2.1.0-cs01}. */
    OASIS,
    /** Khronos specifications by name and version: {@code Khronos EGL 1.5}. */
    KHRONOS,
    /** Ecma standards with their edition: {@code ECMA-262 15th edition}. */
    ECMA,
    /** 3GPP technical specifications and reports: {@code 3GPP TS 33.501 V17.4.0}. */
    THREE_GPP,
    /** IETF Internet-Drafts, revision as version: {@code draft-ietf-quic-transport-34}. */
    DRAFT,
    /** NIST FIPS and Special Publications: {@code FIPS 180-4}, {@code NIST SP 800-90A Rev. 1}. */
    NIST,
    /** Commercial cryptography algorithms of OSCCA by name: {@code OSCCA SM9 Part 1}, {@code OSCCA ZUC-256}. */
    OSCCA
  }

  public StandardIdentifier {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(number, "number");
    parts = List.copyOf(parts);
  }

  /** Display form, e.g. {@code GB/T 35273-2020}, {@code ISO/IEC 27001:2022}, {@code RFC 9110}. */
  public String canonical() {
    return render(Detail.FULL);
  }

  /** Normalised key without year, month, version or supplement: {@code GB/T35273}. */
  public String undatedKey() {
    return IdentifierParser.normaliseKey(render(Detail.UNDATED));
  }

  /**
   * Normalised key of this very edition ({@code GB/T35273-2020}, {@code ETSIEN303645V2.1.1(2020-06)},
   * {@code ISO/IEC27001:2013/COR1:2014}), or null when nothing names an edition.
   */
  public String datedKey() {
    return isEditionSpecific() ? IdentifierParser.normaliseKey(render(Detail.FULL)) : null;
  }

  /**
   * Every key this standard is indexed under, most specific first: dated, dated to the year only
   * (for identifiers carrying a month), undated, the roots of a multi-part series, the
   * international standard a national adoption carries, then bare numbers ({@code 32918.2-2016},
   * {@code 32918.2}, {@code 32918}), which the query side uses when a person types only digits.
   */
  public List<String> indexKeys() {
    Set<String> keys = new LinkedHashSet<>(editionKeys());
    keys.add(undatedKey());
    for (String root : seriesRoots()) {
      keys.add(IdentifierParser.normaliseKey(designation() + root));
    }
    String adopted = adoptedInternationalKey();
    if (adopted != null) {
      keys.add(adopted);
    }
    String bare = IdentifierParser.normaliseKey(numberWithParts());
    if (year != null) {
      keys.add(bare + "-" + year);
    }
    keys.add(bare);
    for (String root : seriesRoots()) {
      keys.add(IdentifierParser.normaliseKey(root));
    }
    return List.copyOf(keys);
  }

  /** Keys naming this edition: full, then without month (or, for ETSI, without date). */
  List<String> editionKeys() {
    if (!isEditionSpecific()) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    keys.add(IdentifierParser.normaliseKey(render(Detail.FULL)));
    keys.add(IdentifierParser.normaliseKey(render(Detail.YEAR)));
    return List.copyOf(keys);
  }

  private boolean isEditionSpecific() {
    return year != null || month != null || version != null || supplement != null;
  }

  /** Roots of a multi-part series, shortest first: {@code 62443-3-3} → {@code 62443, 62443-3}. */
  private List<String> seriesRoots() {
    List<String> roots = new ArrayList<>();
    if (scheme == Scheme.IEEE) {
      // 802.11ax amends 802.11, which belongs to the 802 family: both are useful roots.
      String stem = number.replaceFirst("[A-Za-z]+\\d*$", "");
      while (stem.contains(".")) {
        stem = stem.substring(0, stem.lastIndexOf('.'));
        roots.addFirst(stem);
      }
      String full = number.replaceFirst("[A-Za-z]+\\d*$", "");
      if (!full.equals(number)) {
        roots.add(full);
      }
      return roots;
    }
    StringBuilder root = new StringBuilder(number);
    for (int i = 0; i < parts.size(); i++) {
      roots.add(root.toString());
      root.append(partSeparator()).append(parts.get(i));
    }
    return roots;
  }

  /** For {@code DIN EN ISO 13849-1:2008-12}: the key of {@code ISO 13849-1}, so either finds it. */
  private String adoptedInternationalKey() {
    if (scheme != Scheme.ISO) {
      return null;
    }
    int iso = family.indexOf("ISO");
    int iec = family.indexOf("IEC");
    int start = iso >= 0 ? iso : iec;
    if (start <= 0) {
      return null;
    }
    return IdentifierParser.normaliseKey(family.substring(start) + " " + number + joinedParts());
  }

  /** The number with its parts, as the family writes them: {@code 32918.2}, {@code 965-1}. */
  String numberWithParts() {
    return number + joinedParts();
  }

  private String joinedParts() {
    StringBuilder sb = new StringBuilder();
    for (String part : parts) {
      sb.append(partSeparator()).append(part);
    }
    return sb.toString();
  }

  /** What precedes the number: {@code "GB/T "}, {@code "IEEE Std "}, {@code "ECMA-"}, {@code "draft-"}. */
  private String designation() {
    return switch (scheme) {
      case IEEE -> family + " Std ";
      case ECMA -> "ECMA-";
      case DRAFT -> "draft-";
      default -> family + " ";
    };
  }

  private char partSeparator() {
    return scheme == Scheme.CHINESE ? '.' : '-';
  }

  /**
   * The families named by a shortname, name or number with a version after it: the whole
   * rendering, since none of them dates by year or writes supplements.
   */
  private String renderNamed(boolean dated) {
    StringBuilder sb = new StringBuilder(designation());
    if (scheme == Scheme.OSCCA) {
      sb.append(number);
      if (!parts.isEmpty()) {
        sb.append(" Part ").append(parts.getFirst());
      }
      return sb.toString();
    }
    sb.append(number).append(joinedParts());
    if (!dated || version == null) {
      return sb.toString();
    }
    switch (scheme) {
      case OASIS -> sb.append("-v").append(version).append(supplement == null ? "" : "-" + supplement);
      case ECMA -> sb.append(' ').append(ordinal(version)).append(" edition");
      case THREE_GPP -> sb.append(" V").append(version);
      case DRAFT -> sb.append('-').append(version);
      case NIST -> sb.append(" Rev. ").append(version);
      default -> sb.append(' ').append(version); // W3C maturity, Khronos version
    }
    return sb.toString();
  }

  private static String ordinal(String n) {
    if (!n.matches("\\d+")) {
      return n;
    }
    int v = Integer.parseInt(n);
    String suffix = v % 100 >= 11 && v % 100 <= 13 ? "th"
        : switch (v % 10) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
    return v + suffix;
  }

  private boolean isNamedScheme() {
    return switch (scheme) {
      case W3C, WHATWG, OASIS, KHRONOS, ECMA, THREE_GPP, DRAFT, NIST, OSCCA -> true;
      default -> false;
    };
  }

  /** How much of the edition a rendering shows. */
  private enum Detail {
    FULL,
    YEAR,
    UNDATED
  }

  private String render(Detail detail) {
    if (isNamedScheme()) {
      // OASIS names its stage (cs01) below the version: only the full rendering shows it.
      String full = renderNamed(detail != Detail.UNDATED);
      return detail == Detail.YEAR && scheme == Scheme.OASIS && supplement != null
          ? full.substring(0, full.length() - supplement.length() - 1) : full;
    }
    StringBuilder sb = new StringBuilder(designation());
    sb.append(number).append(joinedParts());
    boolean dated = detail != Detail.UNDATED;
    boolean withMonth = detail == Detail.FULL;
    switch (scheme) {
      case CHINESE, IEEE -> {
        if (dated && year != null) {
          sb.append('-').append(year);
        }
      }
      case ISO -> {
        if (dated && year != null) {
          sb.append(':').append(year);
          if (withMonth && month != null) {
            sb.append('-').append(twoDigits(month));
          }
        }
        if (dated && version != null) {
          sb.append(" V").append(version);
        }
      }
      case ITU -> {
        if (dated && year != null) {
          sb.append(" (");
          if (withMonth && month != null) {
            sb.append(twoDigits(month)).append('/');
          }
          sb.append(year).append(')');
        }
      }
      case ETSI -> {
        if (dated && version != null) {
          sb.append(" V").append(version);
        }
        if (withMonth && year != null) {
          sb.append(" (").append(year);
          if (month != null) {
            sb.append('-').append(twoDigits(month));
          }
          sb.append(')');
        }
      }
      default -> {
        // RFCs are never revised in place: the number is the edition.
      }
    }
    if (dated && supplement != null) {
      sb.append(isEnAmendment(supplement) ? '+' : '/').append(supplement);
    }
    return sb.toString();
  }

  /** EN and IEC write amendments as {@code +A1:2009}; ISO and GB write {@code /Amd 1}, {@code /XG1}. */
  private static boolean isEnAmendment(String supplement) {
    return supplement.length() > 1 && supplement.charAt(0) == 'A'
        && Character.isDigit(supplement.charAt(1));
  }

  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }
}
