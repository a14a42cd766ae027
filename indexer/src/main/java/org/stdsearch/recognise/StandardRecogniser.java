package org.stdsearch.recognise;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.extract.ExtractionStatus;
import org.w3c.dom.Document;

/**
 * Recognises what an extracted document is as a standard: identifier, titles, dates, issuers,
 * ICS/CCS, lineage, adoption, kind, level, language, declared status, clauses, terms and
 * references. Sources are read from the most to the least trusted: native XML (STS, RFCXML),
 * the front matter in the text (RFC header, ITU-T cover, Chinese cover), document metadata,
 * the running header, then the file name; a sidecar or catalogue entry overrides them all.
 *
 * <p>Thread-safe and stateless: one instance serves the whole indexing run.
 */
public final class StandardRecogniser {

  /** No settings yet: every limit is a constant of the reader that needs it. */
  public StandardRecogniser() {}

  /**
   * @param doc the extraction of {@code file}
   * @param file the original file, read again only when it is XML (STS and RFCXML natively)
   * @param sidecars the catalogue and sidecars of the docs root ({@link Sidecars#none()} for none)
   */
  public RecognisedStandard recognise(ExtractedDocument doc, Path file, Sidecars sidecars) {
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(sidecars, "sidecars");
    RecognitionDraft draft = new RecognitionDraft();
    String folded = DocumentText.fold(doc.text());
    if (file != null && isXml(doc, file)) {
      readXml(file, draft);
    }
    readFrontMatter(doc, file, folded, draft);
    draft.clauses = draft.outline.isEmpty() ? StructureReader.clauses(doc, folded)
        : StructureReader.locate(draft.outline, doc, folded);
    if (draft.terms.isEmpty()) {
      draft.terms = StructureReader.terms(draft.clauses, folded);
    }
    draft.clauses = StructureReader.withoutTermEntries(draft.clauses);
    if (file != null) {
      sidecars.forFile(file).ifPresent(draft::override);
    }
    return complete(doc, folded, draft);
  }

  private static boolean isXml(ExtractedDocument doc, Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".xml") || doc.mimeType().contains("xml") && !doc.mimeType().contains("html");
  }

  private static void readXml(Path file, RecognitionDraft draft) {
    Document xml = SecureXml.parse(file);
    if (xml == null) {
      return;
    }
    if (StsReader.isSts(xml)) {
      StsReader.read(xml, draft);
    } else if (RfcReader.isRfcXml(xml)) {
      RfcReader.readXml(xml, draft);
    }
  }

  private static void readFrontMatter(ExtractedDocument doc, Path file, String folded, RecognitionDraft draft) {
    if (doc.status() == ExtractionStatus.FAILED && folded.isEmpty()) {
      FrontMatterReaders.fromFileName(doc.relativePath()).ifPresent(id ->
          draft.offerIdentifier(id.canonical(), RecognitionDraft.IdentifierSource.FILE_NAME));
      return;
    }
    boolean rfc = RfcReader.readText(doc, folded, draft);
    if (!rfc && !FrontMatterReaders.readItu(doc, folded, draft) && !WebSpecReader.read(doc, file, folded, draft)
        && !PublisherCoverReader.read(doc, folded, draft)) {
      CoverReader.read(doc, folded, draft);
      CoverReader.readSecondReading(doc, draft);
    }
    if (!rfc) {
      CoverLayoutReader.read(doc, draft);
      BodyTitleReader.choose(doc, folded, draft);
      if (doc.status() == ExtractionStatus.OCR) {
        CoverLayoutReader.readFirstLines(doc, draft);
      }
      draft.titleZh = ChineseTitle.clean(draft.titleZh);
    }
    FrontMatterReaders.readMetadata(doc, folded, draft);
    if (!rfc) {
      draft.titleZh = ChineseTitle.withoutLatinTail(draft.titleZh, draft.titleEn, folded);
    }
    if (draft.identifier == null && !rfc) {
      CoverReader.runningHeader(doc, folded).ifPresent(id ->
          draft.offerIdentifier(id, RecognitionDraft.IdentifierSource.TEXT));
    } else if (!rfc) {
      withEditionFromRunningHeader(doc, folded, draft);
    }
    if (draft.identifier == null && !rfc) {
      AlgorithmDocuments.readCover(doc, folded, draft);
    }
    if (draft.identifier == null) {
      FrontMatterReaders.fromFileName(doc.relativePath()).ifPresent(id ->
          draft.offerIdentifier(id.canonical(), RecognitionDraft.IdentifierSource.FILE_NAME));
    }
  }

  /**
   * An IEC or ISO cover prints the number alone ("IEC 63901", the edition date below it); the
   * running header names the edition ("IEC 63901:2024"): take the dated form of the same standard.
   * An undated identifier read off an OCR'd cover may also have lost its part ("GM/T 0001" for
   * "GM/T 0001.3-2012", its dot read as "。"): the header's part of the same standard is taken then.
   */
  private static void withEditionFromRunningHeader(ExtractedDocument doc, String folded, RecognitionDraft draft) {
    Optional<StandardIdentifier> found = IdentifierParser.parse(draft.identifier);
    if (found.isEmpty() || found.get().year() != null) {
      return;
    }
    CoverReader.runningHeader(doc, folded).flatMap(IdentifierParser::parse)
        .filter(header -> header.year() != null && (header.undatedKey().equals(found.get().undatedKey())
            || header.undatedKey().startsWith(found.get().undatedKey() + ".")))
        .ifPresent(header -> draft.identifier = header.canonical());
  }

  /** Derived values (keys, family, year, kind, level, language) and the references. */
  private static RecognisedStandard complete(ExtractedDocument doc, String folded, RecognitionDraft draft) {
    Optional<StandardIdentifier> id = draft.identifier == null
        ? Optional.empty()
        : IdentifierParser.parse(draft.identifier).or(() -> IdentifierParser.findAll(draft.identifier)
            .stream().findFirst().map(IdentifierMatch::identifier));
    Set<String> allKeys = new LinkedHashSet<>(id.map(StandardIdentifier::indexKeys).orElse(List.of()));
    // A standard about an OSCCA algorithm is found under the algorithm's name too (issue 15).
    for (String alias : AlgorithmDocuments.aliases(draft.titleZh, draft.titleEn)) {
      IdentifierParser.parse(alias).ifPresent(a -> allKeys.addAll(a.indexKeys()));
    }
    List<String> keys = List.copyOf(allKeys);
    String family = id.map(StandardIdentifier::family).orElse(null);
    if (id.isPresent() && draft.identifierSource != RecognitionDraft.IdentifierSource.SIDECAR) {
      draft.identifier = id.get().canonical();
    }
    if (draft.year == null && draft.published != null) {
      draft.year = draft.published.getYear();
    }
    if (draft.year == null) {
      draft.year = id.map(StandardIdentifier::year).orElse(null);
    }
    if (draft.kind == null && family != null) {
      draft.kind = kind(family);
    }
    if (draft.level == null && family != null) {
      draft.level = level(family);
    }
    if (draft.language == null || draft.language.isEmpty()) {
      draft.language = language(folded);
    }
    Set<String> own = new LinkedHashSet<>(keys);
    draft.references = StructureReader.references(draft.clauses, folded, own);
    List<String> replaced = new ArrayList<>();
    for (String written : draft.replaces) {
      IdentifierParser.parse(written).map(StandardRecogniser::referenceKey)
          .ifPresentOrElse(replaced::add, () -> replaced.add(IdentifierParser.normaliseKey(written)));
    }
    return draft.toRecord(doc, keys, family, replaced);
  }

  /** The key a citation resolves to: the edition when it names one, else the standard. */
  static String referenceKey(StandardIdentifier id) {
    String dated = id.datedKey();
    return dated != null ? dated : id.undatedKey();
  }

  /**
   * GB is mandatory, a {@code /T} family recommended, {@code /Z} guidance (GB/T 1.1); group
   * standards and the voluntary international series (ISO, IEC, ITU-T Recommendations) are
   * recommended. An RFC's kind comes from its category ({@link RfcReader}).
   */
  static String kind(String family) {
    if (family.endsWith("/T") || family.startsWith("T/") || family.matches("(ISO|IEC|ITU).*")) {
      return "recommended";
    }
    if (family.endsWith("/Z")) {
      return "guidance";
    }
    if (family.equals("GB") || family.matches("[A-Z]{2}") || family.matches("DB\\d*")) {
      return "mandatory";
    }
    return null;
  }

  static String level(String family) {
    if (family.startsWith("GB")) {
      return "national";
    }
    if (family.startsWith("DB")) {
      return "local";
    }
    if (family.startsWith("T/") || family.equals("T")) {
      return "group";
    }
    if (family.matches("[A-Z]{2}(/[TZ])?")) {
      return "industry";
    }
    if (family.matches("(ISO|IEC|ITU|RFC|BCP|STD|IEEE|ETSI|W3C|ECMA).*") || family.contains("ISO") || family.contains("IEC")) {
      return "international";
    }
    return "national"; // DIN, BS, ANSI, JIS...: a national body's own series
  }

  /**
   * {@code zh} when Han characters dominate the letters, {@code zh,en} when both are
   * substantial (bilingual documents), else {@code en}; Latin runs in Chinese standards (hex
   * values, protocol names) keep the threshold for zh well below one half.
   */
  static String language(String text) {
    String sample = text.length() > 40000 ? text.substring(0, 40000) : text;
    double han = DocumentText.hanShare(sample);
    if (han >= 0.3) {
      return "zh";
    }
    return han >= 0.05 ? "zh,en" : "en";
  }
}
