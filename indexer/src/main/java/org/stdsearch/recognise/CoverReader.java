package org.stdsearch.recognise;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdsearch.extract.ExtractedDocument;

/**
 * Reads the cover page of a Chinese national, industry, local or group standard: ICS and CCS
 * above the banner ({@code 中华人民共和国国家标准}, {@code ...行业标准}, {@code 团体标准}), the
 * identifier line under it, {@code 代替} lines, the Chinese and English titles, the adoption
 * note, the {@code 发布}/{@code 实施} dates and the issuing bodies above the final {@code 发布}.
 */
final class CoverReader {
  /** The first half of the state banner on a line of its own, as OCR splits a wide banner. */
  private static final Pattern BANNER_HEAD = Pattern.compile("中华人民共和国?");
  private static final Pattern BANNER = Pattern.compile("(中华人民共和国|团体标准|行业标准|地方标准|国家标准|省.*标准$|指导性技术文件$)");
  private static final Pattern ICS = Pattern.compile("^ICS\\s*([0-9][0-9. ;；,，]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ICS_CODE = Pattern.compile("\\d{2}(?:[. ]\\d{3})(?:[. ]\\d{2})?");
  private static final Pattern CCS = Pattern.compile("^(?:CCS\\s*)?([A-Z])\\s?(\\d{2})(?:\\s*/\\s*(\\d{2}))?$");
  private static final Pattern DATE = Pattern.compile(
      "(\\d{4})\\s*[-.–—/年]\\s*(\\d{1,2})\\s*[-.–—/月]\\s*(\\d{1,2})\\s*日?\\s*(发布|实施)");
  private static final Pattern PACKED_DATE = Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})\\s*(发布|实施)");
  private static final Pattern REPLACES = Pattern.compile("^(?:代替|替代)\\s*(.+)$");
  private static final Pattern ADOPTION = Pattern.compile("[(（]([^()（）]*?)\\s*[,，]\\s*(IDT|MOD|NEQ)\\s*[)）]");
  private static final Pattern WITHDRAWN = Pattern.compile("(本标准|本文件)?已(废止|作废)");
  private static final Pattern NOISE = Pattern.compile("(报批稿|征求意见稿|送审稿|草案|点击此处|备案号|XXXX)");
  private static final int COVER_LINES = 40;
  /** "国家密码管理局 发布": an organisation that issues the standard, not a title line. */
  /** A numbered clause heading ("1 范围", "3.1 Scope"): the body has begun, the cover is over. */
  private static final Pattern CLAUSE_HEADING = Pattern.compile("^\\d{1,2}(\\.\\d{1,2})*\\s+(\\p{IsHan}|[A-Z][a-z])");
  private static final Pattern ISSUER_LINE = Pattern.compile("(局|部|委员会|协会|学会|联盟|院|中心|厅|总局|公司)\\s*发\\s*布$");
  /**
   * Han characters among the letters of a Chinese title line, at least. Not one half: titles name
   * protocols and algorithms in Latin letters ("IPSec VPN 网关产品规范" is 6 Han of 14 letters),
   * and the English title below them has none.
   */
  private static final double TITLE_HAN_SHARE = 0.3;

  private CoverReader() {}

  /** Reads the cover; returns true when a banner or an identifier line was found. */
  static boolean read(ExtractedDocument doc, String folded, RecognitionDraft draft) {
    List<String> raw = new ArrayList<>();
    List<String> lines = coverLines(doc, folded, raw);
    int banner = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (isBanner(lines.get(i))) {
        banner = i;
        break;
      }
    }
    for (int i = 0; i < lines.size() && (banner < 0 || i < banner); i++) {
      codes(lines.get(i), draft);
    }
    int idLine = identifierLine(lines, banner);
    if (idLine < 0) {
      return false;
    }
    IdentifierParser.findAll(lines.get(idLine)).stream().findFirst()
        .ifPresent(m -> draft.offerIdentifier(m.identifier().canonical(), RecognitionDraft.IdentifierSource.TEXT));
    readBody(lines, raw, idLine + 1, banner >= 0, draft);
    return true;
  }

  /**
   * The Chinese title from the second, lower-resolution reading of a scanned cover, when there is
   * one ({@link ExtractedDocument#OCR_COVER_READING}): it replaces the title of the main reading
   * unless that one has the larger share of Han characters among its letters. Stray Latin
   * letters are how Tesseract misreads Han characters ("SM2 HA HAAS码算法" for
   * "SM2椭圆曲线公钥密码算法"), so the cleaner reading is the better one; on a tie the lower
   * resolution wins, having read more titles right.
   */
  static void readSecondReading(ExtractedDocument doc, RecognitionDraft draft) {
    String text = doc.firstMetadata(ExtractedDocument.OCR_COVER_READING);
    if (text == null) {
      return;
    }
    ExtractedDocument cover = new ExtractedDocument(doc.relativePath(), doc.contentHash(), text.length(),
        doc.mimeType(), doc.status(), doc.reason(), text, List.of(0), java.util.Map.of(), 0);
    RecognitionDraft second = new RecognitionDraft();
    read(cover, DocumentText.fold(text), second);
    if (second.titleZh != null
        && (draft.titleZh == null || DocumentText.hanShare(second.titleZh) >= DocumentText.hanShare(draft.titleZh))) {
      draft.titleZh = second.titleZh;
    }
  }

  /**
   * The cleaned lines of the cover; {@code raw} receives the same lines with only their spacing
   * tidied, for titles, which keep the full-width brackets the cover prints (fold is same-length,
   * so the lines of the original text align with those of the folded one).
   */
  private static List<String> coverLines(ExtractedDocument doc, String folded, List<String> raw) {
    int end = doc.pageCount() > 1 ? doc.pageStarts().get(1) : Math.min(folded.length(), 3000);
    if (end - doc.pageStarts().get(0) < 40) {
      end = Math.min(folded.length(), 3000); // a blank first page: read on
    }
    List<String> out = new ArrayList<>();
    String[] foldedLines = folded.substring(0, Math.min(end, folded.length())).split("\\R", -1);
    String[] originalLines = doc.text().length() == folded.length()
        ? doc.text().substring(0, Math.min(end, folded.length())).split("\\R", -1)
        : foldedLines;
    for (int k = 0; k < foldedLines.length; k++) {
      String line = DocumentText.closeCjkSpacing(DocumentText.coverLine(foldedLines[k]));
      if (!line.isEmpty()) {
        out.add(line);
        String original = k < originalLines.length ? originalLines[k] : foldedLines[k];
        raw.add(DocumentText.closeCjkSpacing(original.replace('\u3000', ' ').replaceAll("\\s+", " ")));
      }
      if (out.size() >= COVER_LINES) {
        break;
      }
    }
    return out;
  }

  /** The line holding the identifier: right under the banner, else a line that is only an identifier. */
  private static int identifierLine(List<String> lines, int banner) {
    if (banner >= 0) {
      for (int i = banner + 1; i < Math.min(lines.size(), banner + 4); i++) {
        if (!REPLACES.matcher(lines.get(i)).find() && !IdentifierParser.findAll(lines.get(i)).isEmpty()) {
          return i;
        }
      }
    }
    for (int i = 0; i < Math.min(lines.size(), 12); i++) {
      if (isIdentifierOnly(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }

  static boolean isBanner(String line) {
    return BANNER.matcher(line).find() && (line.endsWith("标准") || line.endsWith("文件"));
  }

  static boolean isIdentifierOnly(String line) {
    List<IdentifierMatch> found = IdentifierParser.findAll(line);
    if (found.isEmpty()) {
      return false;
    }
    IdentifierMatch m = found.get(0);
    return m.end() - m.start() >= line.replaceAll("\\s", "").length() * 0.7;
  }

  private static void codes(String line, RecognitionDraft draft) {
    Matcher ics = ICS.matcher(line);
    if (ics.find()) {
      for (Matcher c = ICS_CODE.matcher(ics.group(1)); c.find(); ) {
        draft.ics.add(c.group().replace(' ', '.'));
      }
      return;
    }
    Matcher ccs = CCS.matcher(line.strip());
    if (ccs.matches()) {
      draft.ccs.add(ccs.group(1) + ccs.group(2));
      if (ccs.group(3) != null) {
        draft.ccs.add(ccs.group(1) + ccs.group(3));
      }
    }
  }

  /** Replaces, titles, adoption, dates and issuers below the identifier line. */
  private static void readBody(List<String> lines, List<String> raw, int from, boolean banner, RecognitionDraft draft) {
    List<String> zh = new ArrayList<>();
    List<String> en = new ArrayList<>();
    int i = from;
    for (; i < lines.size(); i++) {
      String line = lines.get(i);
      if (dates(line, draft)) {
        break;
      }
      if (CLAUSE_HEADING.matcher(line).find()) {
        break; // a copy without cover page: its title block ends where clause 1 begins
      }
      if (ISSUER_LINE.matcher(line).find()) {
        i--; // the issuing body ends the title block even where OCR lost the dates above it
        break;
      }
      Matcher replaces = REPLACES.matcher(line);
      if (replaces.find()) {
        IdentifierParser.findAll(replaces.group(1)).forEach(m -> draft.replaces.add(m.identifier().canonical()));
        continue;
      }
      Matcher adoption = ADOPTION.matcher(line);
      if (adoption.find()) {
        draft.offerAdoption(new RecognisedStandard.Adoption(adoption.group(2), adoption.group(1).strip()));
        continue;
      }
      if (zh.isEmpty() && (isBanner(line) || BANNER_HEAD.matcher(line).matches())) {
        continue; // OCR may read the identifier line before the banner printed above it
      }
      if (NOISE.matcher(line).find() || line.equals("目次") || line.startsWith("前言")) {
        if (line.equals("目次") || line.startsWith("前言")) {
          break;
        }
        continue;
      }
      if (DocumentText.hanShare(line) >= TITLE_HAN_SHARE) {
        zh.add(raw.get(i));
      } else if (!zh.isEmpty() && en.isEmpty() && opensBracket(zh.get(zh.size() - 1))) {
        zh.add(raw.get(i)); // "以太网无源光网络（" + "10G-EPON）": a title line broken inside brackets
      } else if (line.chars().filter(Character::isLetter).count() >= 3 && isEnglishText(line)
          && DocumentText.hanShare(line) == 0) { // "远程管理 remote management" is a term entry, not a title
        en.add(line);
      }
    }
    draft.offerTitleZh(joinZh(zh));
    // An OCR'd banner may be unreadable; a Chinese family's identifier says the cover is Chinese.
    if (banner || isChineseFamily(draft.identifier)) {
      // Without a Chinese banner (an IEC or ISO cover) the English lines are edition, banner and
      // reference lines as much as title: the document metadata names the title better.
      draft.offerTitleEn(en.isEmpty() ? null : String.join(" ", en).replaceAll("\\s*—\\s*", "—"));
    }
    for (int j = i + 1; j < Math.min(lines.size(), i + 6); j++) {
      String line = lines.get(j);
      if (dates(line, draft)) {
        continue;
      }
      String body = line.replaceAll("\\s*发布$", "").strip();
      if (body.length() >= 4 && DocumentText.hanShare(body) > 0.9) {
        draft.issuers.add(body);
      }
      if (line.endsWith("发布") || line.equals("目次")) {
        break;
      }
    }
    for (String line : lines) {
      if (WITHDRAWN.matcher(line).find()) {
        draft.offerStatus("withdrawn");
      }
    }
  }

  /**
   * English cover text is set in sentence case: most of its letters are lower case. OCR reads
   * Han characters it cannot make out as capitals ("ASIN REMARK ASA MM Bl"), which are no title.
   */
  static boolean isEnglishText(String line) {
    long letters = line.chars().filter(c -> c < 0x80 && Character.isLetter(c)).count();
    long lower = line.chars().filter(c -> c < 0x80 && Character.isLowerCase(c)).count();
    return letters > 0 && lower * 2 >= letters;
  }

  private static boolean isChineseFamily(String identifier) {
    return identifier != null && IdentifierParser.parse(identifier).map(StandardIdentifier::family)
        .filter(f -> f.matches("(GB|[A-Z]{2}|DB\\d*)(/[TZ])?|T/.*")).isPresent();
  }

  private static boolean opensBracket(String line) {
    return line.chars().filter(c -> c == '(' || c == '（').count() > line.chars().filter(c -> c == ')' || c == '）').count();
  }

  static String joinZh(List<String> lines) {
    if (lines.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(lines.get(0));
    for (int k = 1; k < lines.size(); k++) {
      String next = lines.get(k);
      boolean spaced = next.startsWith("第") && next.contains("部分") || lines.get(k - 1).matches(".*技术$");
      out.append(spaced ? " " : "").append(next);
    }
    return out.toString();
  }

  /** Reads 发布/实施 dates on a line; true when there was one. */
  private static boolean dates(String line, RecognitionDraft draft) {
    boolean found = false;
    for (Pattern p : List.of(DATE, PACKED_DATE)) {
      for (Matcher m = p.matcher(line); m.find(); ) {
        LocalDate date = date(m.group(1), m.group(2), m.group(3));
        if (date != null) {
          found = true;
          if (m.group(4).equals("发布")) {
            draft.offerPublished(date);
          } else {
            draft.offerImplemented(date);
          }
        }
      }
      if (found) {
        return true;
      }
    }
    return false;
  }

  private static LocalDate date(String y, String m, String d) {
    try {
      return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /**
   * The identifier printed most often as a line of its own in the first pages (the running
   * header), when at least twice: a fallback for covers whose banner or identifier is garbled.
   */
  static Optional<String> runningHeader(ExtractedDocument doc, String folded) {
    int end = doc.pageCount() > 6 ? doc.pageStarts().get(6) : Math.min(folded.length(), 20000);
    Map<String, Integer> counts = new HashMap<>();
    for (String raw : folded.substring(0, Math.min(end, folded.length())).split("\\R")) {
      String line = DocumentText.coverLine(raw);
      if (line.length() > 3 && line.length() < 40 && isIdentifierOnly(line)) {
        IdentifierParser.findAll(line).stream().findFirst()
            .ifPresent(m -> counts.merge(m.identifier().canonical(), 1, Integer::sum));
      }
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= 2)
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey);
  }
}
