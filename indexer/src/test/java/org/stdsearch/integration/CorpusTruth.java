package org.stdsearch.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdsearch.recognise.IdentifierMatch;
import org.stdsearch.recognise.IdentifierParser;
import org.stdsearch.recognise.StandardIdentifier;

/**
 * What the shared corpus says each document is: the identifier and title in MANIFEST.tsv's
 * {@code standard} column ("identifier title (english gloss)"), and for RFCs the RFC Editor's
 * own record in {@code rfc/json}. {@code hostile/} and the RFC index are not standards.
 */
final class CorpusTruth {
  /** Organisation words MANIFEST puts before a title that prints no identifier. */
  private static final Pattern ORGANISATION = Pattern.compile(
      "^(?:W3C|WHATWG|OASIS|Khronos|OSCCA|ETSI/SAGE|IETF Internet-Draft)\\s+");
  private static final Pattern PUBLISHER = Pattern.compile("^(?:IETF Internet-Draft|ETSI/SAGE)\\s+");
  /** A trailing gloss or note in brackets: "(SM3 cryptographic hash algorithm)". */
  private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*[(（][^()（）]*[)）]\\s*$");
  /** A description that names the sample file rather than a title. */
  private static final Pattern FILE_NAME = Pattern.compile("\\S+\\.(?:xml|pdf|html?|txt)\\s*$");
  /** "广东省道路运输协会团体标准 (group standard: ...)": the kind of standard, not its title. */
  private static final Pattern KIND_ONLY = Pattern.compile("^\\S*(?:团体|行业|国家|地方)标准\\s*(?:\\(.*\\))?$");
  /** Families named by a name that is also the title ("OASIS SARIF Version 2.1.0"). */
  private static final Set<String> NAMED = Set.of("OASIS", "KHRONOS", "W3C", "WHATWG", "OSCCA");
  private static final Pattern BRACKETED_ONLY = Pattern.compile("^\\s*\\([^()]*\\)\\s*$");
  private static final Pattern RFC_ROW = Pattern.compile("^RFC (\\d+) - (.+?)(?: \\([^()]*\\d{4}[^()]*\\))?$");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One document and what it is.
   *
   * @param path path below the corpus root
   * @param group cn, intl, w3c, sts, or rfc/txt, rfc/html, rfc/xml, rfc/pdf, rfc/extra
   * @param identifier the identifier printed, canonical; null when the corpus gives none
   * @param titles what the title is, in one or more accepted phrasings (MANIFEST adds notes); empty
   *     where MANIFEST describes the file instead of naming its title ("ISO STS DTD v1.1 small
   *     sample: Samp1.xml", "(national/regional adoption of ...)")
   * @param exactTitle titles must match exactly (the RFC Editor's record), not by their words
   * @param standard the MANIFEST text as written, for the report
   */
  record Expected(String path, String group, String identifier, List<String> titles, boolean exactTitle,
      String standard) {}

  private CorpusTruth() {}

  static List<Expected> read(Path corpus) throws IOException {
    List<Expected> out = new ArrayList<>();
    List<String> rows = Files.readAllLines(corpus.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
    for (String row : rows.subList(1, rows.size())) {
      String[] cols = row.split("\t", -1);
      String path = cols[0];
      String standard = cols[5];
      if (path.startsWith("hostile/") || path.equals("rfc/rfc-index.txt") || path.startsWith("rfc/json/")) {
        continue;
      }
      out.add(path.startsWith("rfc/") ? rfc(corpus, path, standard) : manifest(path, standard));
    }
    return out;
  }

  static String group(String path) {
    String first = path.substring(0, path.indexOf('/'));
    if (!first.equals("rfc")) {
      return first;
    }
    String rest = path.substring(4);
    return "rfc/" + rest.substring(0, rest.indexOf('/'));
  }

  /** An RFC: number and title from the RFC Editor's JSON when the corpus has it, else MANIFEST. */
  private static Expected rfc(Path corpus, String path, String standard) throws IOException {
    Matcher row = RFC_ROW.matcher(standard);
    if (!row.matches()) {
      throw new IllegalStateException("unexpected MANIFEST row for " + path + ": " + standard);
    }
    String number = row.group(1);
    String title = row.group(2);
    Path json = corpus.resolve("rfc/json/rfc" + number + ".json");
    if (Files.isRegularFile(json)) {
      JsonNode meta = JSON.readTree(json.toFile());
      title = meta.get("title").asText().strip();
    }
    return new Expected(path, group(path), "RFC " + Integer.parseInt(number), List.of(title), true, standard);
  }

  /**
   * The identifier MANIFEST starts with (as the production parser reads it), then the title: the
   * rest without the organisation word, joint identifiers ("| ISO/IEC 8824-1") and the trailing
   * gloss. MANIFEST appends notes after " - " or ")" ("SARIF Version 2.1.0 - Committee
   * Specification"), so each such segment is an accepted phrasing too.
   */
  private static Expected manifest(String path, String standard) {
    // "IETF Internet-Draft draft-sca-cfrg-sm3 - ...": the publisher is not part of the identifier.
    String rest = PUBLISHER.matcher(standard.strip()).replaceFirst("");
    String identifier = null;
    Optional<IdentifierMatch> first = IdentifierParser.findAll(rest).stream().findFirst()
        .filter(m -> m.start() == 0);
    Set<String> titles = new LinkedHashSet<>();
    if (first.isPresent()) {
      StandardIdentifier id = first.get().identifier();
      identifier = id.canonical();
      if (NAMED.contains(id.scheme().name())) {
        // "OASIS SARIF Version 2.1.0 - Committee Specification": the name is the title too.
        addTitle(titles, rest.substring(0, first.get().end()).replaceFirst("^\\S+\\s+", ""));
      }
      rest = rest.substring(first.get().end());
      // ITU-T X.680 (07/2002) | ISO/IEC 8824-1 - ...: the joint number is not the title.
      Matcher joint = Pattern.compile("^\\s*\\|\\s*").matcher(rest);
      if (joint.find()) {
        rest = rest.substring(joint.end());
        Optional<IdentifierMatch> second = IdentifierParser.findAll(rest).stream().findFirst()
            .filter(m -> m.start() == 0);
        if (second.isPresent()) {
          rest = rest.substring(second.get().end());
        }
      }
    }
    rest = ORGANISATION.matcher(rest.replaceFirst("^[\\s:|-]+", "")).replaceFirst("");
    addTitle(titles, rest);
    for (String segment : rest.split(" - ")) {
      addTitle(titles, segment);
    }
    // "OSCCA SM9 Part 1 (2016 public release) SM9 标识密码算法 ...": the title follows the note.
    Matcher afterNote = Pattern.compile("\\)\\s+(\\S.*)$").matcher(rest);
    if (afterNote.find()) {
      addTitle(titles, afterNote.group(1));
    }
    boolean described = rest.isBlank() || FILE_NAME.matcher(rest).find() || BRACKETED_ONLY.matcher(rest).matches()
        || KIND_ONLY.matcher(rest).matches();
    return new Expected(path, group(path), identifier, described ? List.of() : List.copyOf(titles), false, standard);
  }

  private static void addTitle(Set<String> titles, String text) {
    String t = text.strip();
    String previous;
    do {
      previous = t;
      t = TRAILING_NOTE.matcher(t).replaceFirst("").strip();
    } while (!t.equals(previous) && !t.isEmpty());
    if (t.isEmpty()) {
      t = previous;
    }
    t = t.replaceFirst("^[\\s:|-]+", "").replaceFirst("[\\s,;:-]+$", "");
    if (!t.isBlank()) {
      titles.add(t);
    }
  }
}
