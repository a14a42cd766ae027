package org.stdsearch.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One standard in full: what was recognised at indexing time plus what is computed across the
 * index (status, lineage, citations both ways, similar standards).
 *
 * @param metadata everything recognised at indexing time
 * @param status current / upcoming / superseded / withdrawn, computed now
 * @param fields technology fields with labels
 * @param references cited standards, resolved to ids where they are in the index
 * @param referencedBy standards in the index citing this one
 * @param replaces the standards this one replaces (resolved where indexed)
 * @param replacedBy standards in the index that replace this one (or newer editions)
 * @param similar the most similar standards
 * @param pages page count
 */
public record StandardDetail(
    Metadata metadata,
    String status,
    List<SearchResponse.FieldLabel> fields,
    List<Link> references,
    List<Link> referencedBy,
    List<Link> replaces,
    List<Link> replacedBy,
    List<Link> similar,
    int pages) {

  /** A standard mentioned by another: its identifier as written, and its id when indexed. */
  public record Link(String identifier, String id, String title) {}

  /**
   * What was recognised about a standard at indexing time. Nullable components are unknown when
   * null; lists are empty when nothing was found.
   *
   * @param path the file below the docs folder, relative, with {@code /}
   * @param identifierKeys normalised keys under which an exact identifier query finds it
   * @param replaces identifier keys of the standards it replaces
   * @param type mandatory / recommended / guidance
   * @param level national / industry / local / group / international
   * @param language {@code zh}, {@code en} or {@code zh,en}
   * @param declaredStatus withdrawn or superseded when the document or a catalogue says so
   */
  public record Metadata(
      String id,
      String path,
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
      String type,
      String level,
      String language,
      String declaredStatus,
      List<FieldRef> fields,
      List<Clause> clauses,
      List<TermEntry> terms,
      List<Reference> references,
      Extraction extraction) {

    public Metadata {
      identifierKeys = copy(identifierKeys);
      issuers = copy(issuers);
      ics = copy(ics);
      ccs = copy(ccs);
      replaces = copy(replaces);
      fields = copy(fields);
      clauses = copy(clauses);
      terms = copy(terms);
      references = copy(references);
    }

    private static <T> List<T> copy(List<T> list) {
      return list == null ? List.of() : List.copyOf(list);
    }
  }

  /** Adoption of another standard: {@code IDT}, {@code MOD} or {@code NEQ} with its identifier. */
  public record Adoption(String relation, String identifier) {}

  /** A numbered clause ({@code 4.2.1}, {@code A.1}): offsets into the text, 1-based pages. */
  public record Clause(String number, String heading, int start, int end, int pageFrom, int pageTo) {}

  /** A term entry from a terms-and-definitions clause. */
  public record TermEntry(String termZh, String termEn, String definition, String clause) {}

  /** A cited standard: the identifier as written, its normalised key, and whether it is normative. */
  public record Reference(String identifier, String key, boolean normative) {}

  /** A technology field assigned to the standard, with the classifier's confidence (1 = declared). */
  public record FieldRef(String id, double confidence) {}

  /** How the text was obtained: extraction status and reason, file type, size, hash, pages, time. */
  public record Extraction(
      String status, String reason, String mimeType, long sizeBytes, String contentHash, int pages, long millis) {}
}
