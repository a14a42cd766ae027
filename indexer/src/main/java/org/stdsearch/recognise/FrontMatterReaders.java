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
  /** The edition date on its own line, or right of {@code TELECOMMUNICATION} in the cover's columns. */
  private static final Pattern ITU_DATE = Pattern.compile("^[A-Z ]*\\((\\d{2})/(\\d{4})\\)\\s*$", Pattern.MULTILINE);
  /** What only an ITU cover prints: a citation of ITU-T X.509 in a Chinese standard is not one. */
  private static final Pattern ITU_COVER = Pattern.compile(
      "International\\s+Telecommunication\\s+Union|TELECOMMUNICATION\\s+STANDARDIZATION SECTOR"
          + "|Recommendation ITU-T|ITU-T Recommendation", Pattern.CASE_INSENSITIVE);
  private static final Pattern ITU_APPROVED = Pattern.compile("\\bwas approved on (\\d{4})-(\\d{2})-(\\d{2})");
  /** An identifier the HTML/PDF title starts with: "ITU-T X.1799 (2022) Security framework ...". */
  private static final Pattern ID_PREFIX_SEPARATOR = Pattern.compile("^[\\s:：—–-]+");
  private static final Pattern BIKESHED_TITLE = Pattern.compile("^Title:\\s*(.+)$", Pattern.MULTILINE);
  private static final Pattern MARKDOWN_TITLE = Pattern.compile("^#\\s+(\\S.*?)\\s*#*\\s*$", Pattern.MULTILINE);
  private static final Pattern ASCIIDOC_TITLE = Pattern.compile("^=\\s+(\\S.*?)\\s*$", Pattern.MULTILINE);
  private static final Pattern SETEXT_TITLE = Pattern.compile("^(\\S[^\\n]{0,150})\\n=+\\s*$", Pattern.MULTILINE);
  private static final Pattern FIRST_LINE = Pattern.compile("\\A\\s*([^\\n]{1,150})\\n");
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
    if (!m.find() || !ITU_COVER.matcher(cover).find()
        && !ITU_COVER.matcher(cover.replaceAll("(?<=\\S) (?=\\S)", "")).find()) {
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
    Matcher approved = ITU_APPROVED.matcher(cover);
    if (approved.find()) {
      draft.offerPublished(StsReader.date(approved.group(1) + "-" + approved.group(2) + "-" + approved.group(3)));
    }
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
      if (lines[i].matches("\\s*(ITU-T\\s+Recommendation|Recommendation\\s+ITU-T)\\s+" + Pattern.quote(number) + "\\s*")) {
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
      if (line.isEmpty() && title.isEmpty()) {
        continue; // blank lines between the title and the recommendation line
      }
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

  /**
   * Title, identifier, dates and codes from metadata: HTML {@code <meta>} (Dublin Core
   * {@code DC.*}, {@code implementation-date}, {@code ics}, {@code ccs}, {@code replaces}),
   * Tika's {@code dc:*} and the HTML {@code <title>}. A title that starts with the identifier
   * ("ITU-T X.1799 (2022) Security framework ...") is taken without it.
   */
  static void readMetadata(ExtractedDocument doc, String folded, RecognitionDraft draft) {
    for (String key : IDENTIFIER_KEYS) {
      String value = doc.firstMetadata(key);
      if (value != null) {
        IdentifierParser.parse(value.strip()).ifPresent(id ->
            draft.offerIdentifier(id.canonical(), RecognitionDraft.IdentifierSource.METADATA));
      }
    }
    draft.offerPublished(StsReader.date(doc.firstMetadata("DC.date.issued")));
    draft.offerImplemented(StsReader.date(doc.firstMetadata("implementation-date")));
    codes(doc.firstMetadata("ics"), draft.ics, false);
    codes(doc.firstMetadata("ccs"), draft.ccs, true);
    String replaces = doc.firstMetadata("replaces");
    if (replaces != null) {
      IdentifierParser.findAll(DocumentText.fold(replaces)).forEach(m -> draft.replaces.add(m.identifier().canonical()));
    }
    String title = doc.firstMetadata("DC.title");
    if (title == null) {
      title = doc.firstMetadata("dc:title");
    }
    if (title == null) {
      title = doc.firstMetadata("title");
    }
    if (title == null && doc.relativePath().endsWith(".bs")) {
      Matcher m = BIKESHED_TITLE.matcher(folded.substring(0, Math.min(folded.length(), 5000)));
      title = m.find() ? m.group(1) : null;
    }
    if (title == null) {
      title = markupTitle(doc.mimeType(), folded);
    }
    title = MetadataTitle.clean(title); // decoded; null for a placeholder or a file name
    if (title != null && !looksLikeFileName(title)) {
      title = withoutIdentifier(title.replaceAll("\\s+", " ").strip());
      if (MetadataTitle.clean(title) == null) {
        return; // nothing but the identifier: "ISO/IEC 9899:201x"
      }
      if (DocumentText.hanShare(title) >= 0.3) {
        draft.offerTitleZh(title);
      } else {
        draft.offerTitleEn(title);
      }
    }
  }

  /**
   * The title a source in a markup language gives itself: Markdown's first {@code #} heading,
   * AsciiDoc's {@code = Title} or underlined title, and for HTML without a {@code <title>} the
   * first line (its first heading: an ecmarkup clause, a fragment).
   */
  static String markupTitle(String mime, String folded) {
    String head = folded.substring(0, Math.min(folded.length(), 6000));
    Matcher m = null;
    if (mime.contains("markdown")) {
      m = MARKDOWN_TITLE.matcher(head);
    } else if (mime.contains("asciidoc")) {
      m = ASCIIDOC_TITLE.matcher(head);
      if (!m.find()) {
        m = SETEXT_TITLE.matcher(head);
      } else {
        m.reset();
      }
    } else if (mime.contains("html")) {
      m = FIRST_LINE.matcher(head);
    }
    if (m == null || !m.find()) {
      return null;
    }
    String title = m.group(1).replaceAll("\\{[A-Za-z]+}", "").replaceAll("\\s+", " ").strip();
    return title.isEmpty() || title.length() > 200 ? null : title;
  }

  private static void codes(String value, java.util.Set<String> target, boolean ccs) {
    if (value == null || !target.isEmpty()) {
      return;
    }
    for (String code : value.split("[;,，；]")) {
      String c = ccs ? code.replaceAll("\\s+", "") : code.strip();
      if (!c.isEmpty()) {
        target.add(c);
      }
    }
  }

  private static String withoutIdentifier(String title) {
    String folded = DocumentText.fold(title);
    List<IdentifierMatch> found = IdentifierParser.findAll(folded);
    if (found.isEmpty() || found.get(0).start() != 0) {
      return title;
    }
    int end = found.get(0).end();
    Matcher edition = Pattern.compile("^\\s*\\(\\d{2}/\\d{4}\\)|^\\s*\\(\\d{4}\\)").matcher(folded.substring(end));
    if (edition.find()) {
      end += edition.end();
    }
    Matcher sep = ID_PREFIX_SEPARATOR.matcher(title.substring(end));
    return sep.find() ? title.substring(end + sep.end()).strip() : title.substring(end).strip();
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
