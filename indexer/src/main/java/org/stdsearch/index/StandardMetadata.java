package org.stdsearch.index;

import java.time.LocalDate;
import java.util.List;
import org.stdsearch.recognise.RecognisedStandard.Adoption;
import org.stdsearch.recognise.RecognisedStandard.Clause;
import org.stdsearch.recognise.RecognisedStandard.Reference;
import org.stdsearch.recognise.RecognisedStandard.TermEntry;

/**
 * Everything known about one indexed standard except its text: stored with it as JSON
 * ({@link Schema#RECORD_JSON}) so the search side renders hits and detail views from one read.
 */
public record StandardMetadata(
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

  public StandardMetadata {
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

  /**
   * This record without clauses, terms and references: what a search hit needs
   * ({@link Schema#HIT_JSON}; clause offsets are in {@link Schema#CLAUSE_SPANS}).
   */
  public StandardMetadata forHits() {
    return new StandardMetadata(id, path, identifier, identifierKeys, family, titleZh, titleEn, published, implemented,
        year, issuers, ics, ccs, replaces, adoption, type, level, language, declaredStatus, fields, List.of(), List.of(),
        List.of(), extraction);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** A technology field assigned to the standard, with the classifier's confidence (1 = declared). */
  public record FieldRef(String id, double confidence) {}

  /**
   * How the text was obtained. {@code charset} is the encoding a text file was read in (Tika's
   * encoding detection: GB 18030 and UTF-8 are both common in plain-text standards), or null for
   * other types: the original is served with it, so that a browser does not guess.
   */
  public record Extraction(
      String status, String reason, String mimeType, long sizeBytes, String contentHash, int pages, long millis,
      String charset) {
    public Extraction(String status, String reason, String mimeType, long sizeBytes, String contentHash, int pages,
        long millis) {
      this(status, reason, mimeType, sizeBytes, contentHash, pages, millis, null);
    }
  }
}
