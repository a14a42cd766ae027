package org.stdsearch.recognise;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdsearch.extract.ExtractedDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads an RFC's front matter: the RFCXML v3 {@code <rfc number=...>} element natively, else the
 * header block every rendering prints (txt, legacy "htmlized" HTML, xml2rfc v3 HTML and PDF):
 * {@code Request for Comments: NNNN} (or {@code RFC: NNNN}), {@code Obsoletes:}, the date and the
 * centred title after the header.
 */
final class RfcReader {
  private static final Pattern NUMBER = Pattern.compile(
      // "Conments", "Conmants": OCR of a typewritten header (RFC 145) misreads a letter or two.
      // Typewritten headers also print "RFC #551" after an address on the same line, and a
      // damaged text layer reads that "RPC # 574": the hash marks the number.
      "(?:Request\\s+for\\s+C[o0][a-z]{4,6}\\s*:?|^\\s*RFC\\s*:?|\\bR[FP]C(?=\\s*#))\\s*(?:#\\s*)?(\\d{1,5})\\b",
      Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
  /** How many lines of text may precede a typewritten header's number line. */
  private static final int HEADER_LINES = 10;
  private static final Pattern OBSOLETES = Pattern.compile("^\\s*Obsoletes\\s*:", Pattern.MULTILINE);
  private static final Pattern MONTH_YEAR = Pattern.compile(
      "\\b(January|February|March|April|May|June|July|August|September|October|November|December)"
          + "\\s+(?:(?<day>\\d{1,2}),?\\s+)?(?<year>\\d{4})\\b");
  private static final Pattern CATEGORY = Pattern.compile("^\\s*Category:\\s*(\\S+(?: \\S+)*)", Pattern.MULTILINE);
  private static final Pattern COLUMN_GAP = Pattern.compile("\\S(\\s{3,}|\\t)");
  /** The HTML title of xml2rfc v3 ("RFC 9110: HTTP Semantics") and rfc2629.xslt ("RFC 7540 - ...") renderings. */
  private static final Pattern V3_TITLE = Pattern.compile("^RFC ?\\d+(?::| -)\\s*(.+)$");
  private static final Pattern DRAFT_HEADER = Pattern.compile("^Internet-Draft\\s{2,}\\S", Pattern.MULTILINE);
  private static final Pattern OPENING_NUMBER = Pattern.compile("\\s*RFC\\s*:?\\s*(?:#\\s*)?\\d{1,5}\\b");
  /** How far into the text the header block may reach. */
  private static final int HEADER_WINDOW = 6000;

  private RfcReader() {}

  static boolean isRfcXml(Document xml) {
    return "rfc".equals(xml.getDocumentElement().getLocalName());
  }

  static void readXml(Document xml, RecognitionDraft draft) {
    Element rfc = xml.getDocumentElement();
    draft.outline = RfcOutline.read(rfc);
    String number = rfc.getAttribute("number");
    if (number.matches("\\d+")) {
      draft.offerIdentifier("RFC " + number, RecognitionDraft.IdentifierSource.XML);
    } else {
      // An Internet-Draft source: no RFC number yet, its name is its identifier.
      IdentifierParser.parse(rfc.getAttribute("docName"))
          .filter(id -> id.scheme() == StandardIdentifier.Scheme.DRAFT)
          .ifPresent(id -> draft.offerIdentifier(id.canonical(), RecognitionDraft.IdentifierSource.XML));
      if (draft.identifier == null) {
        return;
      }
    }
    Element front = SecureXml.child(rfc, "front");
    if (front != null) {
      draft.offerTitleEn(SecureXml.childText(front, "title"));
      Element date = SecureXml.child(front, "date");
      if (date != null && date.getAttribute("year").matches("\\d{4}")) {
        int year = Integer.parseInt(date.getAttribute("year"));
        draft.offerYear(year);
        Month month = month(date.getAttribute("month"));
        String day = date.getAttribute("day");
        if (month != null && day.matches("\\d{1,2}")) {
          draft.offerPublished(LocalDate.of(year, month, Integer.parseInt(day)));
        }
      }
    }
    for (String n : rfc.getAttribute("obsoletes").split("[,\\s]+")) {
      if (n.matches("\\d+")) {
        draft.replaces.add("RFC " + n);
      }
    }
    String stream = rfc.getAttribute("submissionType");
    draft.issuers.add(stream.isEmpty() || stream.equals("IETF") ? "IETF" : stream);
    draft.offerLanguage("en");
  }

  /** Reads the header block of the text; returns false when it is not an RFC. */
  static boolean readText(ExtractedDocument doc, String folded, RecognitionDraft draft) {
    String head = folded.substring(0, Math.min(folded.length(), HEADER_WINDOW));
    String v3Title = doc.firstMetadata("dc:title");
    String metaNumber = doc.firstMetadata("rfc.number");
    Matcher number = NUMBER.matcher(head);
    String rfcNumber = metaNumber != null && metaNumber.strip().matches("\\d+")
        ? metaNumber.strip()
        : number.find() ? number.group(1) : null;
    if (rfcNumber == null || !looksLikeRfcHeader(head) && !typewrittenNumberLine(head, number)) {
      return readDraft(folded, head, draft);
    }
    draft.offerIdentifier("RFC " + rfcNumber, RecognitionDraft.IdentifierSource.TEXT);
    if (v3Title != null) {
      Matcher t = V3_TITLE.matcher(v3Title.strip());
      if (t.matches()) {
        draft.offerTitleEn(t.group(1));
      }
    }
    int headerEnd = headerEnd(head);
    // Header fields reach down to the abstract in v3 HTML, where each sits on its own lines.
    int abstractAt = indexOfAny(head, 0, "\nAbstract", "\nStatus of ");
    String header = head.substring(0, Math.max(headerEnd, abstractAt < 0 ? 0 : abstractAt));
    Matcher numberLine = NUMBER.matcher(head);
    if (numberLine.find()) {
      // The number's own line: the pattern's leading \s* may reach back over blank lines.
      int lineStart = head.lastIndexOf('\n', numberLine.start(1)) + 1;
      draft.offerTitleEn(RfcTitleReader.read(folded, lineStart, headerEnd));
    }
    Matcher date = MONTH_YEAR.matcher(header);
    if (!date.find()) {
      date = MONTH_YEAR.matcher(head);
      if (!date.find()) {
        date = null;
      }
    }
    if (date != null) {
      draft.offerYear(Integer.valueOf(date.group("year")));
    }
    if (date != null && draft.published == null) {
      // The RFC Editor dates an RFC to the month; the day is taken as the 1st.
      int day = date.group("day") == null ? 1 : Integer.parseInt(date.group("day"));
      try {
        draft.offerPublished(LocalDate.of(Integer.parseInt(date.group("year")),
            Month.valueOf(date.group(1).toUpperCase(Locale.ROOT)), day));
      } catch (java.time.DateTimeException e) {
        // a misprinted day: no date rather than a wrong one
      }
    }
    Matcher category = CATEGORY.matcher(header);
    if (category.find() && draft.kind == null) {
      // A standards-track or BCP document specifies; the other categories inform.
      draft.kind = category.group(1).startsWith("Standards Track") || category.group(1).startsWith("Best Current")
          ? "recommended" : "guidance";
    }
    draft.replaces.addAll(obsoletes(header));
    issuer(header, draft);
    return true;
  }

  /**
   * An Internet-Draft: the RFC header layout with {@code Internet-Draft} in its left column, and
   * the draft's name ({@code draft-sca-cfrg-sm3-02}) printed under its title.
   */
  private static boolean readDraft(String folded, String head, RecognitionDraft draft) {
    Matcher header = DRAFT_HEADER.matcher(head);
    if (!header.find()) {
      return false;
    }
    java.util.Optional<StandardIdentifier> name = IdentifierParser.findAll(head).stream()
        .map(IdentifierMatch::identifier)
        .filter(id -> id.scheme() == StandardIdentifier.Scheme.DRAFT)
        .findFirst();
    if (name.isEmpty()) {
      return false;
    }
    draft.offerIdentifier(name.get().canonical(), RecognitionDraft.IdentifierSource.TEXT);
    draft.offerTitleEn(RfcTitleReader.read(folded, header.start(), headerEnd(head)));
    Matcher date = MONTH_YEAR.matcher(head.substring(header.start(), Math.min(head.length(), header.start() + 2000)));
    if (date.find()) {
      draft.offerYear(Integer.valueOf(date.group("year")));
    }
    draft.issuers.add("IETF");
    draft.offerLanguage("en");
    return true;
  }

  /**
   * A header block, or a text that opens with its RFC number ({@code RFC 768}, {@code RFC:  791}):
   * the oldest RFCs print no other header field.
   */
  private static boolean looksLikeRfcHeader(String head) {
    return OPENING_NUMBER.matcher(head).lookingAt()
        || head.contains("Request for Comment") || head.contains("Category:")
        || head.contains("Stream:") || head.contains("Network Working Group")
        || head.contains("ISSN: 2070-1721");
  }

  /**
   * A typewritten header with no other field this reader knows (RFC 551 prints an address, RFC
   * 574 a journal line): the number in its hash form, or after a misread "Request for Comments",
   * among the first lines of the text.
   */
  private static boolean typewrittenNumberLine(String head, Matcher number) {
    if (!number.hasMatch()) {
      return false;
    }
    String found = number.group();
    if (found.indexOf('#') < 0 && !found.regionMatches(true, 0, "Request", 0, 7)) {
      return false;
    }
    long linesBefore = head.substring(0, number.start()).lines().filter(l -> !l.isBlank()).count();
    return linesBefore < HEADER_LINES;
  }

  /** End of the header block: the first blank line after the RFC number line (txt layout). */
  private static int headerEnd(String head) {
    Matcher number = NUMBER.matcher(head);
    if (!number.find()) {
      return head.length();
    }
    Matcher blank = Pattern.compile("\\n[ \\t]*\\n").matcher(head);
    int from = number.end();
    // v3 HTML puts each header field on its own line with no blank line: stop at the abstract.
    int abstractAt = indexOfAny(head, from, "\nAbstract", "\nStatus of ");
    if (blank.find(from)) {
      int end = blank.start();
      return abstractAt >= 0 ? Math.min(end, abstractAt) : end;
    }
    return abstractAt >= 0 ? abstractAt : head.length();
  }

  private static int indexOfAny(String s, int from, String... needles) {
    int best = -1;
    for (String n : needles) {
      int i = s.indexOf(n, from);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }

  /** RFC numbers on the {@code Obsoletes:} line of the left column and its continuation lines. */
  static List<String> obsoletes(String header) {
    List<String> out = new ArrayList<>();
    Matcher m = OBSOLETES.matcher(header);
    if (!m.find()) {
      return out;
    }
    String[] lines = header.substring(m.end()).split("\\R");
    for (int i = 0; i < lines.length && i < 6; i++) {
      String left = leftColumn(lines[i]);
      if (left.isBlank()) {
        if (i == 0) {
          continue; // v3 HTML: the value is on the next line
        }
        break;
      }
      if (i > 0 && !left.strip().matches("(RFCs?\\s*)?\\d[\\d,\\s(RFC)]*")) {
        break;
      }
      for (Matcher n = Pattern.compile("\\b(\\d{1,5})\\b").matcher(left); n.find(); ) {
        out.add("RFC " + Integer.parseInt(n.group(1)));
      }
      if (!left.strip().endsWith(",")) {
        break;
      }
    }
    return out;
  }

  private static String leftColumn(String line) {
    String trimmed = line.stripLeading();
    Matcher gap = COLUMN_GAP.matcher(trimmed);
    return gap.find() ? trimmed.substring(0, gap.start() + 1) : trimmed;
  }

  private static void issuer(String header, RecognitionDraft draft) {
    if (header.contains("Internet Research Task Force")) {
      draft.issuers.add("IRTF");
    } else if (header.contains("Internet Architecture Board")) {
      draft.issuers.add("IAB");
    } else if (header.contains("Independent Submission")) {
      draft.issuers.add("Independent Submission");
    } else {
      draft.issuers.add("IETF");
    }
  }

  private static Month month(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (t.matches("\\d{1,2}")) {
      int n = Integer.parseInt(t);
      return n >= 1 && n <= 12 ? Month.of(n) : null;
    }
    for (Month m : Month.values()) {
      if (m.name().startsWith(t.toUpperCase(Locale.ROOT)) && t.length() >= 3) {
        return m;
      }
    }
    return null;
  }
}
