package org.stdsearch.recognise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdsearch.extract.ExtractedDocument;

/**
 * W3C and WHATWG specifications: their shortname, level and maturity, from the sources editors
 * write (Bikeshed's metadata block, ReSpec's {@code respecConfig}) and from the pages W3C and
 * WHATWG publish ("This version:" and "Latest published version:" links, the status line, the
 * {@code *.spec.whatwg.org} address under a "Living Standard" line).
 */
final class WebSpecReader {
  /** How far into the text (and the raw file) the front matter may reach. */
  private static final int FRONT = 8000;
  private static final Pattern BIKESHED_BLOCK = Pattern.compile(
      "<pre\\s+class\\s*=\\s*['\"]?metadata['\"]?\\s*>(.*?)</pre>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern BIKESHED_LINE = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 ]{0,30}):\\s*(.+?)\\s*$",
      Pattern.MULTILINE);
  private static final Pattern RESPEC_CONFIG = Pattern.compile("respecConfig\\s*=\\s*\\{");
  private static final Pattern RESPEC_FIELD = Pattern.compile(
      "\\b(shortName|specStatus|group|wg)\\s*:\\s*[\"']([^\"']{1,80})[\"']");
  /**
   * {@code This version: https://www.w3.org/TR/2021/REC-webauthn-2-20210408/}: maturity, shortname,
   * date. Only as the page's own version: a dated address elsewhere cites another specification
   * (an STS document's reference to XML 1.0).
   */
  private static final Pattern DATED_TR = Pattern.compile(
      "This version\\s*:?\\s*https?://www\\.w3\\.org/TR/(\\d{4})/([A-Z]+)-([A-Za-z0-9.-]+?)-(\\d{4})(\\d{2})(\\d{2})/?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LATEST_TR = Pattern.compile(
      "(?:Latest published version|Latest version)\\s*:?\\s*https?://www\\.w3\\.org/TR/([A-Za-z0-9.-]+?)/?(?=\\s)");
  private static final Pattern STATUS_LINE = Pattern.compile(
      "\\bW3C (Recommendation|Candidate Recommendation(?: Snapshot| Draft)?|Proposed Recommendation"
          + "|First Public Working Draft|Working Draft|Editor's Draft|Group Note|Working Group Note|Statement"
          + "|Draft Registry|Registry)\\b");
  private static final Pattern WHATWG_ADDRESS = Pattern.compile("https?://([a-z0-9-]+)\\.spec\\.whatwg\\.org/?");
  private static final Pattern LIVING_STANDARD = Pattern.compile("^\\s*Living Standard\\b", Pattern.MULTILINE);
  private static final Pattern TR_ADDRESS = Pattern.compile("w3.org/TR/", Pattern.LITERAL | Pattern.CASE_INSENSITIVE);
  private static final Pattern LEVEL_SUFFIX = Pattern.compile("-\\d{1,2}$");

  private WebSpecReader() {}

  /** Reads the document as a W3C or WHATWG specification; true when it is one. */
  static boolean read(ExtractedDocument doc, Path file, String folded, RecognitionDraft draft) {
    String front = folded.substring(0, Math.min(folded.length(), FRONT));
    Matcher block = BIKESHED_BLOCK.matcher(front);
    if (block.find()) {
      return readBikeshed(block.group(1), draft);
    }
    if (readRendered(doc, front, draft)) {
      return true;
    }
    return doc.mimeType().contains("html") && file != null && readRespec(file, draft);
  }

  private static boolean readBikeshed(String block, RecognitionDraft draft) {
    Map<String, String> meta = new HashMap<>();
    for (Matcher m = BIKESHED_LINE.matcher(block); m.find(); ) {
      meta.putIfAbsent(m.group(1).strip().toLowerCase(Locale.ROOT), m.group(2));
    }
    String shortname = meta.get("shortname");
    if (shortname == null || !shortname.matches("[A-Za-z][A-Za-z0-9.-]{0,60}")) {
      return false;
    }
    String group = meta.getOrDefault("group", "");
    String title = meta.get("title");
    if (group.equalsIgnoreCase("WHATWG")) {
      offer(draft, "WHATWG " + shortname);
      String h1 = meta.get("h1");
      draft.offerTitleEn(title != null ? title : h1 == null ? null : stripTags(h1) + " Living Standard");
      draft.issuers.add("WHATWG");
      return true;
    }
    boolean w3c = meta.getOrDefault("tr", "").contains("w3.org") || meta.getOrDefault("ed", "").contains("w3.org")
        || meta.getOrDefault("ed", "").contains("w3c.github.io") || isW3cMaturity(meta.getOrDefault("status", ""));
    if (!w3c) {
      return false;
    }
    String level = meta.getOrDefault("level", "").strip();
    String full = level.matches("\\d{1,2}") && !LEVEL_SUFFIX.matcher(shortname).find() ? shortname + "-" + level : shortname;
    String status = meta.getOrDefault("status", "").strip().toUpperCase(Locale.ROOT);
    offer(draft, "W3C " + full + (isW3cMaturity(status) ? " " + status : ""));
    draft.offerTitleEn(title != null ? stripTags(title) : meta.get("h1") == null ? null : stripTags(meta.get("h1")));
    draft.issuers.add("W3C");
    return true;
  }

  /** A page as W3C or WHATWG publish it. */
  private static boolean readRendered(ExtractedDocument doc, String front, RecognitionDraft draft) {
    if (!front.contains("whatwg.org") && !TR_ADDRESS.matcher(front).find()) {
      return false; // neither a WHATWG address nor a W3C one below /TR/: the patterns below need one
    }
    String title = doc.firstMetadata("dc:title");
    Matcher whatwg = WHATWG_ADDRESS.matcher(front);
    if (LIVING_STANDARD.matcher(front).find() && whatwg.find()) {
      offer(draft, "WHATWG " + whatwg.group(1));
      String heading = firstLine(front);
      draft.offerTitleEn(heading != null && heading.length() < 60 ? heading + " Living Standard" : title);
      draft.issuers.add("WHATWG");
      return true;
    }
    Matcher dated = DATED_TR.matcher(front.replaceAll("\\s+", " "));
    Matcher latest = LATEST_TR.matcher(front.replaceAll("\\s+", " "));
    Matcher status = STATUS_LINE.matcher(front);
    boolean hasDated = dated.find();
    boolean hasLatest = latest.find();
    if (!hasDated && !(hasLatest && status.find(0))) {
      return false;
    }
    String shortname = hasLatest ? latest.group(1) : dated.group(3);
    String maturity = hasDated ? dated.group(2) : null;
    if (maturity == null && status.find(0)) {
      maturity = maturity(status.group(1));
    }
    offer(draft, "W3C " + shortname + (maturity != null && isW3cMaturity(maturity) ? " " + maturity : ""));
    if (hasDated) {
      draft.offerYear(Integer.valueOf(dated.group(4)));
      draft.offerPublished(StsReader.date(dated.group(4) + "-" + dated.group(5) + "-" + dated.group(6)));
    }
    draft.offerTitleEn(title);
    draft.issuers.add("W3C");
    return true;
  }

  /** A ReSpec source: its configuration is a script, which the extracted text does not hold. */
  private static boolean readRespec(Path file, RecognitionDraft draft) {
    String head;
    try (InputStream in = Files.newInputStream(file)) {
      head = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return false;
    }
    Matcher config = RESPEC_CONFIG.matcher(head);
    if (!config.find()) {
      return false;
    }
    Map<String, String> fields = new HashMap<>();
    for (Matcher f = RESPEC_FIELD.matcher(head.substring(config.end())); f.find(); ) {
      fields.putIfAbsent(f.group(1), f.group(2).strip());
    }
    String shortname = fields.get("shortName");
    if (shortname == null || !shortname.matches("[A-Za-z][A-Za-z0-9.-]{0,60}")) {
      return false;
    }
    String status = fields.getOrDefault("specStatus", "").toUpperCase(Locale.ROOT);
    offer(draft, "W3C " + shortname + (isW3cMaturity(status) ? " " + status : ""));
    draft.issuers.add("W3C");
    return true;
  }

  private static void offer(RecognitionDraft draft, String identifier) {
    IdentifierParser.parse(identifier).ifPresent(id ->
        draft.offerIdentifier(id.canonical(), RecognitionDraft.IdentifierSource.TEXT));
  }

  private static boolean isW3cMaturity(String s) {
    return s.matches("ED|FPWD|WD|CRD|CR|PR|REC|NOTE|DNOTE|STMT|DRY|CRY|RY");
  }

  private static String maturity(String statusLine) {
    return switch (statusLine) {
      case "Recommendation" -> "REC";
      case "Candidate Recommendation", "Candidate Recommendation Snapshot" -> "CR";
      case "Candidate Recommendation Draft" -> "CRD";
      case "Proposed Recommendation" -> "PR";
      case "First Public Working Draft" -> "FPWD";
      case "Working Draft" -> "WD";
      case "Editor's Draft" -> "ED";
      case "Group Note", "Working Group Note" -> "NOTE";
      case "Statement" -> "STMT";
      case "Draft Registry" -> "DRY";
      case "Registry" -> "RY";
      default -> null;
    };
  }

  private static String firstLine(String text) {
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return null;
  }

  private static String stripTags(String s) {
    return s.replaceAll("<[^>]{0,200}>", " ").replaceAll("\\s+", " ").strip();
  }
}
