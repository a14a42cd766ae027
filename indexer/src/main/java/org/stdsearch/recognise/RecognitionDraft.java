package org.stdsearch.recognise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stdsearch.extract.ExtractedDocument;

/**
 * What the readers have found so far for one document. Readers run from the most to the least
 * trusted source (native XML, then the text, then metadata, then the file name), so a value once
 * set is kept: {@code offer} only fills gaps. The sidecar, applied last, replaces values.
 */
final class RecognitionDraft {
  /** Where the primary identifier came from: the file name is the weakest evidence. */
  enum IdentifierSource { XML, TEXT, METADATA, FILE_NAME, SIDECAR }

  String identifier;
  IdentifierSource identifierSource;
  String titleZh;
  String titleEn;
  LocalDate published;
  LocalDate implemented;
  Integer year;
  final Set<String> issuers = new LinkedHashSet<>();
  final Set<String> ics = new LinkedHashSet<>();
  final Set<String> ccs = new LinkedHashSet<>();
  /** Replaced standards as written; turned into keys when the record is built. */
  final Set<String> replaces = new LinkedHashSet<>();
  RecognisedStandard.Adoption adoption;
  String kind;
  String level;
  String language;
  String declaredStatus;
  final List<String> declaredFields = new ArrayList<>();
  /** Sections known from the document's markup (RFCXML); when given, clauses are located from them. */
  List<RfcOutline.Section> outline = List.of();
  List<RecognisedStandard.Clause> clauses = List.of();
  List<RecognisedStandard.TermEntry> terms = List.of();
  List<RecognisedStandard.Reference> references = List.of();

  void offerIdentifier(String value, IdentifierSource source) {
    if (identifier == null && isGiven(value)) {
      identifier = value.strip();
      identifierSource = source;
    }
  }

  void offerTitleZh(String value) {
    if (titleZh == null && isGiven(value)) {
      titleZh = value.strip();
    }
  }

  void offerTitleEn(String value) {
    if (titleEn == null && isGiven(value)) {
      titleEn = value.strip();
    }
  }

  void offerPublished(LocalDate value) {
    if (published == null) {
      published = value;
    }
  }

  void offerImplemented(LocalDate value) {
    if (implemented == null) {
      implemented = value;
    }
  }

  void offerYear(Integer value) {
    if (year == null) {
      year = value;
    }
  }

  void offerAdoption(RecognisedStandard.Adoption value) {
    if (adoption == null) {
      adoption = value;
    }
  }

  void offerLanguage(String value) {
    if ((language == null || language.isEmpty()) && isGiven(value)) {
      language = value;
    }
  }

  void offerStatus(String value) {
    if (declaredStatus == null && isGiven(value)) {
      declaredStatus = value;
    }
  }

  /** The sidecar/catalogue entry: every value it gives replaces what the document said. */
  void override(SidecarEntry entry) {
    if (isGiven(entry.identifier())) {
      identifier = entry.identifier().strip();
      identifierSource = IdentifierSource.SIDECAR;
    }
    titleZh = isGiven(entry.titleZh()) ? entry.titleZh() : titleZh;
    titleEn = isGiven(entry.titleEn()) ? entry.titleEn() : titleEn;
    published = entry.published() != null ? entry.published() : published;
    implemented = entry.implemented() != null ? entry.implemented() : implemented;
    if (entry.year() != null) {
      year = entry.year();
    } else if (entry.published() != null) {
      year = entry.published().getYear();
    }
    replaceAll(issuers, entry.issuers());
    replaceAll(ics, entry.ics());
    replaceAll(ccs, entry.ccs());
    replaceAll(replaces, entry.replaces());
    declaredStatus = isGiven(entry.status()) ? entry.status() : declaredStatus;
    if (!entry.fields().isEmpty()) {
      declaredFields.clear();
      declaredFields.addAll(entry.fields());
    }
    kind = isGiven(entry.kind()) ? entry.kind() : kind;
    level = isGiven(entry.level()) ? entry.level() : level;
    language = isGiven(entry.language()) ? entry.language() : language;
  }

  private static void replaceAll(Set<String> target, List<String> given) {
    if (!given.isEmpty()) {
      target.clear();
      target.addAll(given);
    }
  }

  static boolean isGiven(String value) {
    return value != null && !value.isBlank();
  }

  RecognisedStandard toRecord(
      ExtractedDocument document, List<String> identifierKeys, String family, List<String> replacedKeys) {
    return new RecognisedStandard(document, identifier, identifierKeys, family, titleZh, titleEn,
        published, implemented, year, List.copyOf(issuers), List.copyOf(ics), List.copyOf(ccs),
        replacedKeys, adoption, kind, level, language, declaredStatus, declaredFields, clauses,
        terms, references);
  }
}
