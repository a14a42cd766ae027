package org.stdsearch.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdsearch.extract.ExtractedDocument;

/**
 * The smaller front-matter readers: ITU-T recommendation covers, document metadata (HTML
 * {@code <meta>}, Tika {@code dc:*}), Bikeshed source headers and the file name as a last resort.
 */
final class FrontMatterReaders {
  private static final Pattern ITU = Pattern.compile(
      "ITU-T\\s+(?:Rec(?:ommendation)?\\.?\\s+)?([A-Z]\\.\\d{1,4}(?:\\.\\d{1,3})?)\\b(?:\\s*\\((\\d{2})/(\\d{4})\\))?");
  private static final Pattern ITU_DATE = Pattern.compile("^\\s*\\((\\d{2})/(\\d{4})\\)\\s*$", Pattern.MULTILINE);
  private static final Pattern BIKESHED_TITLE = Pattern.compile("^Title:\\s*(.+)$", Pattern.MULTILINE);
  private static final Pattern FILE_FAMILY = Pattern.compile("^([A-Za-z]{1,5})_([A-Za-z]{1,2})_");
  private static final Pattern FILE_GROUP = Pattern.compile("^T_([A-Za-z]+)_");
  private static final List<String> IDENTIFIER_KEYS =
      List.of("dc:identifier", "dc.identifier", "DC.identifier", "identifier");

  private FrontMatterReaders() {}

  /** An ITU-T recommendation: {@code ITU-T X.680} and its {@code (07/2002)} on the cover. */
  static boolean readItu(ExtractedDocument doc, String folded, RecognitionDraft draft) {
    int end = doc.pageCount() > 1 ? doc.pageStarts().get(1) : Math.min(folded.length(), 4000);
    String cover = folded.substring(0, Math.min(end, folded.length()));
    Matcher m = ITU.matcher(cover);
    if (!m.find()) {
      return false;
    }
    String number = m.group(1);
    String month = m.group(2);
    String year = m.group(3);
    Matcher date = ITU_DATE.matcher(cover);
    if (year == null && date.find()) {
      month = date.group(1);
      year = date.group(2);
    }
    String written = "ITU-T " + number + (year == null ? "" : " (" + month + "/" + year + ")");
    Optional<StandardIdentifier> parsed = IdentifierParser.findAll(written).stream().findFirst()
        .map(IdentifierMatch::identifier)
        .or(() -> IdentifierParser.parse("ITU-T " + number));
    draft.offerIdentifier(parsed.map(StandardIdentifier::canonical).orElse(written),
        RecognitionDraft.IdentifierSource.TEXT);
    if (year != null) {
      draft.offerYear(Integer.valueOf(year));
    }
    draft.offerTitleEn(ituTitle(cover, number));
    draft.issuers.add("ITU-T");
    return true;
  }

  /** The title lines just above {@code ITU-T Recommendation X.nnn}, from "Information technology" if present. */
  private static String ituTitle(String cover, String number) {
    String[] lines = cover.split("\\R");
    int at = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].matches("\\s*ITU-T\\s+Recommendation\\s+" + Pattern.quote(number) + "\\s*")) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      return null;
    }
    List<String> title = new ArrayList<>();
    for (int i = at - 1; i >= 0 && title.size() < 6; i--) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.equals(line.toUpperCase()) && line.chars().anyMatch(Character::isLetter)) {
        break;
      }
      title.add(0, line);
      if (line.startsWith("Information technology")) {
        break;
      }
    }
    return title.isEmpty() ? null : String.join(" ", title).replaceAll("\\s+", " ");
  }

  /** Title and identifier from metadata: HTML {@code <title>}, {@code dc:title}, {@code dc.identifier}. */
  static void readMetadata(ExtractedDocument doc, String folded, RecognitionDraft draft) {
    for (String key : IDENTIFIER_KEYS) {
      String value = doc.firstMetadata(key);
      if (value != null) {
        IdentifierParser.parse(value.strip()).ifPresent(id ->
            draft.offerIdentifier(id.canonical(), RecognitionDraft.IdentifierSource.METADATA));
      }
    }
    String title = doc.firstMetadata("dc:title");
    if (title == null) {
      title = doc.firstMetadata("title");
    }
    if (title == null && doc.relativePath().endsWith(".bs")) {
      Matcher m = BIKESHED_TITLE.matcher(folded.substring(0, Math.min(folded.length(), 5000)));
      title = m.find() ? m.group(1) : null;
    }
    if (title != null && !title.isBlank() && !looksLikeFileName(title)) {
      title = title.replaceAll("\\s+", " ").strip();
      if (DocumentText.hanShare(title) >= 0.3) {
        draft.offerTitleZh(title);
      } else {
        draft.offerTitleEn(title);
      }
    }
  }

  private static boolean looksLikeFileName(String title) {
    return title.matches("(?i).*\\.(docx?|pdf|html?|txt)$") || title.matches("(?i)microsoft word.*");
  }

  /**
   * The identifier spelled by the file name ({@code GB_T_32918.2-2016.pdf} is GB/T 32918.2-2016),
   * only when the name starts with one: the weakest evidence, used when the text says nothing.
   */
  static Optional<StandardIdentifier> fromFileName(String relativePath) {
    String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    if (base.matches("(?i)rfc\\d+.*")) {
      base = "RFC " + base.substring(3);
    }
    base = FILE_GROUP.matcher(base).replaceFirst("T/$1 ");
    base = FILE_FAMILY.matcher(base).replaceFirst("$1/$2 ");
    String spaced = base.replace('_', ' ');
    return IdentifierParser.findAll(spaced).stream()
        .filter(m -> m.start() == 0)
        .findFirst()
        .map(IdentifierMatch::identifier);
  }
}
