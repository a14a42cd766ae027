package org.stdsearch.recognise;

import java.time.LocalDate;
import java.util.List;

/**
 * What a sidecar ({@code <file>.meta.json}) or a catalogue row says about one document. Every
 * component is optional (null or empty when not given); a given value wins over extraction.
 *
 * @param identifier primary identifier as written, e.g. {@code GB/T 22239-2019}
 * @param titleZh Chinese title ({@code title_zh})
 * @param titleEn English title ({@code title_en})
 * @param published publication date
 * @param implemented implementation date
 * @param year edition year
 * @param ics ICS codes
 * @param ccs CCS codes
 * @param replaces identifiers of replaced standards
 * @param status {@code withdrawn} or {@code superseded}
 * @param fields technology field ids
 * @param kind mandatory / recommended / guidance ({@code type})
 * @param level national / industry / local / group / international
 * @param language {@code zh}, {@code en} or {@code zh,en}
 * @param issuers issuing bodies
 */
public record SidecarEntry(
    String identifier,
    String titleZh,
    String titleEn,
    LocalDate published,
    LocalDate implemented,
    Integer year,
    List<String> ics,
    List<String> ccs,
    List<String> replaces,
    String status,
    List<String> fields,
    String kind,
    String level,
    String language,
    List<String> issuers) {

  public SidecarEntry {
    ics = List.copyOf(ics);
    ccs = List.copyOf(ccs);
    replaces = List.copyOf(replaces);
    fields = List.copyOf(fields);
    issuers = List.copyOf(issuers);
  }

  /** This entry with every value {@code over} gives replacing ours: a file's sidecar over its catalogue row. */
  SidecarEntry overlaidBy(SidecarEntry over) {
    return new SidecarEntry(
        pick(over.identifier, identifier),
        pick(over.titleZh, titleZh),
        pick(over.titleEn, titleEn),
        pick(over.published, published),
        pick(over.implemented, implemented),
        pick(over.year, year),
        pick(over.ics, ics),
        pick(over.ccs, ccs),
        pick(over.replaces, replaces),
        pick(over.status, status),
        pick(over.fields, fields),
        pick(over.kind, kind),
        pick(over.level, level),
        pick(over.language, language),
        pick(over.issuers, issuers));
  }

  private static <T> T pick(T over, T under) {
    return over != null ? over : under;
  }

  private static <T> List<T> pick(List<T> over, List<T> under) {
    return over.isEmpty() ? under : over;
  }
}
