package org.stdsearch.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.recognise.StandardIdentifier.Scheme;

/**
 * The first page of specifications from publishers whose identifier heads the cover: Ecma
 * ("ECMA-404" over "2nd Edition / December 2017"), ETSI and 3GPP ("ETSI TS 133 501 V15.2.0
 * (2018-10)", "3GPP TS 33.501 V17.4.0"), NIST ("NIST Special Publication 800-38D", "FIPS PUB
 * 197"), and the work products of OASIS (their "This stage" address) and Khronos (the version
 * under the title, an extension's name string).
 */
final class PublisherCoverReader {
  private static final int COVER_LINES = 30;
  private static final Pattern EDITION = Pattern.compile("^(\\d{1,2})(?:st|nd|rd|th)\\s+[Ee]dition\\b.*?(?:((?:19|20)\\d{2}))?\\s*$");
  private static final Pattern ECMA_LINE = Pattern.compile("^(?:Standard\\s+)?(ECMA-\\d{1,4})\\s*$");
  /** Cover lines that are no part of a title: kinds of deliverable, series lines, release notes. */
  private static final Pattern BOILERPLATE = Pattern.compile(
      "^(?:TECHNICAL SPECIFICATION|TECHNICAL REPORT|EUROPEAN STANDARD|ETSI STANDARD|ETSI GUIDE|GROUP SPECIFICATION"
          + "|GROUP REPORT|SPECIAL REPORT|Technical Specification|Technical Report|3rd Generation Partnership Project;?"
          + "|Technical Specification Group .*;|Announcing the|COPYRIGHT PROTECTED DOCUMENT|Reference number.*"
          + "|\\(Release \\d+\\)|Draft|Final draft.*)\\s*$");
  private static final Pattern DATE_LINE = Pattern.compile(
      "^(?:\\d{1,2}\\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
          + ",?(?:\\s+\\d{1,2},?)?\\s+\\d{4}\\s*$|^\\(?\\d{4}-\\d{2}(?:-\\d{2})?\\)?$");
  private static final Pattern OASIS_ADDRESS = Pattern.compile(
      "docs\\.oasis-open\\.org/[\\w.-]+/(?<product>[a-z][a-z0-9]*)/v(?<ver>\\d+(?:\\.\\d+)*)/(?:(?<stage>[a-z]+\\d*)/)?");
  private static final Pattern KHRONOS_VERSION = Pattern.compile("\\(([A-Z][A-Za-z]{1,15}) Version (\\d{1,2}\\.\\d{1,2})\\b");
  private static final Pattern VERSIONED_TITLE = Pattern.compile(
      "^([A-Za-z][A-Za-z0-9-]{1,15}) (\\d{1,2}\\.\\d{1,2}(?:\\.\\d{1,2})?) Specification$");
  /** Khronos extension name strings and the API each prefix extends. */
  private static final Pattern EXTENSION_NAME = Pattern.compile("^(SPV|VK|GL|GLX|WGL|EGL|CL)_[A-Z]{2,10}_[A-Za-z0-9_]{2,60}$");
  private static final Map<String, String> EXTENDED_API = Map.of("SPV", "SPIR-V", "VK", "Vulkan", "GL", "OpenGL",
      "GLX", "GLX", "WGL", "WGL", "EGL", "EGL", "CL", "OpenCL");

  private PublisherCoverReader() {}

  /** Reads the cover; true when it is one of these publishers'. */
  static boolean read(ExtractedDocument doc, String folded, RecognitionDraft draft) {
    List<String> lines = coverLines(doc, folded);
    return readIdentifierFirst(lines, draft) || readEcma(lines, draft) || readOasis(folded, lines, draft)
        || readKhronos(doc, folded, lines, draft);
  }

  private static List<String> coverLines(ExtractedDocument doc, String folded) {
    int end = doc.pageCount() > 1 ? doc.pageStarts().get(1) : Math.min(folded.length(), 6000);
    if (end - doc.pageStarts().get(0) < 40) {
      end = Math.min(folded.length(), 6000);
    }
    List<String> out = new ArrayList<>();
    for (String raw : folded.substring(0, Math.min(end, folded.length())).split("\\R")) {
      String line = raw.replaceFirst("^#+\\s*", "").replaceAll("\\s+", " ").strip();
      if (!line.isEmpty()) {
        out.add(line);
      }
      if (out.size() >= COVER_LINES) {
        break;
      }
    }
    return out;
  }

  /** ETSI, 3GPP and NIST: an identifier alone on one of the first lines, the title below it. */
  private static boolean readIdentifierFirst(List<String> lines, RecognitionDraft draft) {
    for (int i = 0; i < Math.min(lines.size(), 8); i++) {
      String line = lines.get(i);
      Optional<IdentifierMatch> m = IdentifierParser.findAll(line).stream().findFirst()
          .filter(x -> x.start() == 0 && x.end() >= line.length() - 12);
      if (m.isEmpty() || !isCoverFamily(m.get().identifier())) {
        continue;
      }
      StandardIdentifier id = m.get().identifier();
      draft.offerIdentifier(id.canonical(), RecognitionDraft.IdentifierSource.TEXT);
      if (id.year() != null) {
        draft.offerYear(id.year());
      }
      // NIST covers name the author under the title.
      draft.offerTitleEn(titleBelow(lines, i + 1, id.scheme() == Scheme.NIST));
      draft.issuers.add(id.family().startsWith("ETSI") ? "ETSI" : id.family().startsWith("3GPP") ? "3GPP" : "NIST");
      return true;
    }
    return false;
  }

  private static boolean isCoverFamily(StandardIdentifier id) {
    return id.scheme() == Scheme.ETSI || id.scheme() == Scheme.THREE_GPP || id.scheme() == Scheme.NIST;
  }

  /** Title lines under the identifier: past dates, deliverable kinds and series lines, up to four. */
  private static String titleBelow(List<String> lines, int from, boolean stopAtName) {
    List<String> title = new ArrayList<>();
    for (int i = from; i < lines.size() && title.size() < 4; i++) {
      String line = lines.get(i);
      boolean skip = BOILERPLATE.matcher(line).matches() || DATE_LINE.matcher(line).matches()
          || line.startsWith("(3GPP ") || line.startsWith("©") || line.chars().noneMatch(Character::isLetter);
      if (skip) {
        if (!title.isEmpty() && !line.endsWith(";")) {
          break;
        }
        continue;
      }
      if (stopAtName && !title.isEmpty() && isPersonName(line)) {
        break;
      }
      title.add(line);
    }
    return title.isEmpty() ? null : String.join(" ", title);
  }

  private static boolean isPersonName(String line) {
    return line.matches("[A-Z][a-z]+(?: [A-Z]\\.)? [A-Z][a-z]+(?:, .*)?");
  }

  /** An Ecma cover: "ECMA-404" (or "Standard ECMA-262") over its edition, the title below. */
  private static boolean readEcma(List<String> lines, RecognitionDraft draft) {
    for (int i = 0; i < lines.size(); i++) {
      Matcher ecma = ECMA_LINE.matcher(lines.get(i));
      if (!ecma.matches()) {
        continue;
      }
      for (int j = i + 1; j < Math.min(lines.size(), i + 3); j++) {
        Matcher edition = EDITION.matcher(lines.get(j));
        if (edition.matches()) {
          offer(draft, ecma.group(1) + " edition " + edition.group(1));
          if (edition.group(2) != null) {
            draft.offerYear(Integer.valueOf(edition.group(2)));
          }
          draft.offerTitleEn(titleBelow(lines, j + 1, false));
          draft.issuers.add("Ecma International");
          return true;
        }
      }
    }
    return false;
  }

  /** An OASIS work product: the address of this stage names product, version and stage. */
  private static boolean readOasis(String folded, List<String> lines, RecognitionDraft draft) {
    String front = folded.substring(0, Math.min(folded.length(), 6000));
    Matcher address = OASIS_ADDRESS.matcher(front);
    if (!address.find() || !front.contains("OASIS")) {
      return false;
    }
    String stage = address.group("stage");
    String written = "OASIS " + address.group("product") + "-v" + address.group("ver")
        + (stage != null && stage.matches("(?:csd|csprd|cs|cnd|cn|wd|os)\\d{0,2}") ? "-" + stage : "");
    IdentifierParser.parse(written).ifPresent(id ->
        draft.offerIdentifier(id.canonical(), RecognitionDraft.IdentifierSource.TEXT));
    lines.stream().filter(l -> l.contains("Version") && l.chars().filter(Character::isLetter).count() > 10)
        .findFirst().ifPresent(draft::offerTitleEn);
    draft.issuers.add("OASIS");
    return true;
  }

  /** A Khronos specification: its name and version, or an extension's name string. */
  private static boolean readKhronos(ExtractedDocument doc, String folded, List<String> lines, RecognitionDraft draft) {
    String front = folded.substring(0, Math.min(folded.length(), 4000));
    if (!front.contains("Khronos")) {
      return false;
    }
    Matcher version = KHRONOS_VERSION.matcher(front);
    for (String line : lines.subList(0, Math.min(lines.size(), 12))) {
      if (line.startsWith("//")) {
        continue; // an AsciiDoc comment
      }
      String plain = line.replaceAll("\\{[a-z]+}", "").replaceFirst("^=+\\s*", "");
      Matcher titled = VERSIONED_TITLE.matcher(plain);
      Matcher extension = EXTENSION_NAME.matcher(plain);
      if (titled.matches()) {
        offer(draft, "Khronos " + titled.group(1) + " " + titled.group(2));
        draft.offerTitleEn(plain);
        break;
      }
      if (extension.matches()) {
        offer(draft, "Khronos " + plain);
        draft.offerTitleEn(EXTENDED_API.get(extension.group(1)) + " extension " + plain);
        break;
      }
    }
    if (draft.identifier == null && version.find()) {
      offer(draft, "Khronos " + version.group(1) + " " + version.group(2));
    }
    draft.issuers.add("Khronos Group");
    return draft.identifier != null || doc.firstMetadata("dc:title") != null;
  }

  private static void offer(RecognitionDraft draft, String identifier) {
    IdentifierParser.parse(identifier).ifPresent(id ->
        draft.offerIdentifier(id.canonical(), RecognitionDraft.IdentifierSource.TEXT));
  }
}
