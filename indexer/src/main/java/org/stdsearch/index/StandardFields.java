package org.stdsearch.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stdsearch.classify.FieldAssignment;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.recognise.IdentifierParser;
import org.stdsearch.recognise.RecognisedStandard;
import org.stdsearch.recognise.StandardIdentifier;

/**
 * The values every sink derives from a recognised standard the same way, whatever it writes to:
 * its id, its stored record, the text of its title and suggestion fields, its sort date, the key
 * its editions share, and the glossary pairs of its terms. The embedded index ({@link
 * LuceneDocuments}) and a cluster's sink both take them from here, so the same standard gets the
 * same id and the same record in either.
 */
public final class StandardFields {
  private StandardFields() {}

  /** Stable id of the document at {@code relativePath}: the same path gives the same id. */
  public static String id(String relativePath) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(relativePath.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Everything recognised about a standard, as stored beside it. */
  public static StandardMetadata metadata(String id, RecognisedStandard s, List<FieldAssignment> fields) {
    ExtractedDocument d = s.document();
    return new StandardMetadata(
        id, d.relativePath(), s.identifier(), s.identifierKeys(), s.family(), s.titleZh(), s.titleEn(),
        s.published(), s.implemented(), s.year(), s.issuers(), s.ics(), s.ccs(), s.replaces(), s.adoption(),
        s.kind(), s.level(), s.language(), s.declaredStatus(),
        fields.stream().map(f -> new StandardMetadata.FieldRef(f.fieldId(), f.confidence())).toList(),
        s.clauses(), s.terms(), s.references(),
        new StandardMetadata.Extraction(d.status().id(), d.reason(), d.mimeType(), d.sizeBytes(),
            d.contentHash(), d.pageCount(), d.extractMillis(), charset(d)));
  }

  /** The encoding Tika read a text file in (its Content-Encoding), or null for other types. */
  public static String charset(ExtractedDocument d) {
    String encoding = d.firstMetadata("Content-Encoding");
    return d.mimeType().startsWith("text/") && encoding != null && encoding.matches("[A-Za-z0-9._:+-]{1,40}")
        ? encoding : null;
  }

  /** The key shared by all editions of the standard: newer editions supersede older ones. */
  public static Optional<String> undatedKey(RecognisedStandard s) {
    return s.identifier() == null
        ? Optional.empty()
        : IdentifierParser.parse(s.identifier()).map(StandardIdentifier::undatedKey);
  }

  /** The text of the title field: both titles, or the display title when there is none. */
  public static String titleText(RecognisedStandard s) {
    String title = String.join("\n", nonNull(s.titleZh(), s.titleEn()));
    return title.isEmpty() ? s.displayTitle() : title;
  }

  /** The text suggestions complete: identifier, titles and identifier keys run together. */
  public static String suggestText(RecognisedStandard s) {
    List<String> parts = new ArrayList<>(nonNull(s.identifier(), s.titleZh(), s.titleEn()));
    if (parts.isEmpty()) {
      parts.add(s.displayTitle());
    }
    // Identifiers as people type them run together ("ecma262", "gbt35273", "3gppts33501"): each
    // key of letters and digits is also a single token, so such a prefix suggests the standard.
    Set<String> compact = new LinkedHashSet<>();
    for (String key : s.identifierKeys()) {
      String c = Schema.compactIdentifier(key);
      if (c.chars().anyMatch(Character::isLetter) && c.chars().anyMatch(Character::isDigit)) {
        compact.add(c);
      }
    }
    parts.addAll(compact);
    return String.join("\n", parts);
  }

  /** The text suggestions complete for a term entry: its names. */
  public static String termSuggestText(RecognisedStandard.TermEntry term) {
    return String.join(" ", nonNull(term.termZh(), term.termEn()));
  }

  /** Publication day (epoch day), else 1 January of the year; {@code Long.MIN_VALUE} when undated. */
  public static long sortDate(RecognisedStandard s) {
    if (s.published() != null) {
      return s.published().toEpochDay();
    }
    if (s.year() != null) {
      return LocalDate.of(s.year(), 1, 1).toEpochDay();
    }
    return Long.MIN_VALUE; // undated sorts last under "newest"
  }

  /**
   * The glossary entry of a term with both names, in {@link Schema#glossaryKey normal form}
   * ({@code [zh, en]}), unless they are not a usable pair (too short, too long, the same).
   */
  public static Optional<List<String>> glossaryPair(String zh, String en) {
    String zhKey = Schema.glossaryKey(zh);
    String enKey = Schema.glossaryKey(en);
    if (zhKey.length() < 2 || enKey.length() < 2 || zhKey.length() > Schema.MAX_GLOSSARY_TERM
        || enKey.length() > Schema.MAX_GLOSSARY_TERM || zhKey.equals(enKey)) {
      return Optional.empty();
    }
    return Optional.of(List.of(zhKey, enKey));
  }

  private static List<String> nonNull(String... values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        out.add(v);
      }
    }
    return out;
  }
}
