package org.stdsearch.recognise;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.stdsearch.extract.ExtractedDocument;

/**
 * What a document is as a standard: identifier, titles, dates, classes, lineage and structure,
 * read from its text, its metadata and its sidecar/catalogue entry. Nullable components are
 * unknown when null; lists are empty when nothing was found.
 *
 * @param document the extraction this was recognised from
 * @param identifier canonical display form of the primary identifier, e.g. {@code GB/T 35273-2020}
 * @param identifierKeys normalised keys under which an exact identifier query finds this
 *     standard (dated, undated, and the root of a multi-part standard); from {@code
 *     IdentifierParser}
 * @param family the identifier family, e.g. {@code GB/T}, {@code ISO/IEC}, {@code RFC}
 * @param titleZh Chinese title
 * @param titleEn English title
 * @param published publication date (发布)
 * @param implemented implementation date (实施): after today the standard is upcoming
 * @param year year of the edition (publication year, else the identifier's year)
 * @param issuers issuing bodies
 * @param ics ICS codes, e.g. {@code 35.040}
 * @param ccs CCS codes, e.g. {@code L80}
 * @param replaces identifier keys of the standards this one replaces
 * @param adoption adoption of an international standard, or null
 * @param kind mandatory / recommended / guidance, or null
 * @param level national / industry / local / group / international, or null
 * @param language {@code zh}, {@code en} or {@code zh,en}
 * @param declaredStatus {@code withdrawn} or {@code superseded} when the document or the
 *     catalogue says so; null otherwise (status is otherwise computed at query time)
 * @param declaredFields technology field ids set by a sidecar/catalogue: they override the
 *     classifier
 * @param clauses numbered clauses in document order
 * @param terms terms and definitions
 * @param references cited standards (normative and informative)
 */
public record RecognisedStandard(
    ExtractedDocument document,
    String identifier,
    List<String> identifierKeys,
    String family,
    String titleZh,
    String titleEn,
    LocalDate published,
    LocalDate implemented,
    Integer year,
    List<String> issuers,
    List<String> ics,
    List<String> ccs,
    List<String> replaces,
    Adoption adoption,
    String kind,
    String level,
    String language,
    String declaredStatus,
    List<String> declaredFields,
    List<Clause> clauses,
    List<TermEntry> terms,
    List<Reference> references) {

  public RecognisedStandard {
    Objects.requireNonNull(document, "document");
    identifierKeys = List.copyOf(identifierKeys);
    issuers = List.copyOf(issuers);
    ics = List.copyOf(ics);
    ccs = List.copyOf(ccs);
    replaces = List.copyOf(replaces);
    declaredFields = List.copyOf(declaredFields);
    clauses = List.copyOf(clauses);
    terms = List.copyOf(terms);
    references = List.copyOf(references);
    language = language == null ? "" : language;
  }

  /** A record with nothing recognised beyond the extraction itself. */
  public static RecognisedStandard unrecognised(ExtractedDocument document) {
    return new RecognisedStandard(document, null, List.of(), null, null, null, null, null, null,
        List.of(), List.of(), List.of(), List.of(), null, null, null, "", null, List.of(),
        List.of(), List.of(), List.of());
  }

  /** The best title to show: Chinese, else English, else the file name. */
  public String displayTitle() {
    if (titleZh != null && !titleZh.isBlank()) {
      return titleZh;
    }
    if (titleEn != null && !titleEn.isBlank()) {
      return titleEn;
    }
    String path = document.relativePath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Adoption of another standard: {@code IDT}, {@code MOD} or {@code NEQ} with its identifier. */
  public record Adoption(String relation, String identifier) {}

  /**
   * A numbered clause: {@code number} such as {@code 4.2.1}, {@code A}, {@code A.1}; offsets into
   * the document text; 1-based pages.
   */
  public record Clause(String number, String heading, int start, int end, int pageFrom, int pageTo) {}

  /** A term entry from a terms-and-definitions clause. */
  public record TermEntry(String termZh, String termEn, String definition, String clause) {}

  /**
   * A cited standard: the identifier as written, its normalised key, and whether it is among the
   * normative references.
   */
  public record Reference(String identifier, String key, boolean normative) {}
}
