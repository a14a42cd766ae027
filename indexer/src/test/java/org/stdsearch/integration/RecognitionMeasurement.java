package org.stdsearch.integration;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stdsearch.extract.DocumentTypes;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.extract.ExtractionLimits;
import org.stdsearch.extract.ExtractionStatus;
import org.stdsearch.extract.ForkedExtractor;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.recognise.IdentifierMatch;
import org.stdsearch.recognise.IdentifierParser;
import org.stdsearch.recognise.RecognisedStandard;
import org.stdsearch.recognise.Sidecars;
import org.stdsearch.recognise.StandardIdentifier;
import org.stdsearch.recognise.StandardRecogniser;

/**
 * Identifier and title accuracy of the production pipeline (forked Tika workers, the OCR pass
 * with a page cache, the recogniser) on the cn, intl and sts groups of the shared corpus,
 * against MANIFEST.tsv. A development measurement, run by hand:
 *
 * <pre>java -cp indexer/target/test-classes:indexer/target/classes:$(cat cp.txt) \
 *   org.stdsearch.integration.RecognitionMeasurement CORPUS OUT.tsv [--neutral] [--only REGEX]</pre>
 *
 * {@code --neutral} copies every file to a temporary folder under a name made of its hash
 * first, so no figure depends on a file name. OCR pages are cached in {@code
 * $STDSEARCH_OCR_CACHE} (default {@code /tmp/stdsearch-measure/ocr-cache}).
 *
 * <p>Title comparison: both sides NFKC-folded, lower-cased, stripped of spaces, punctuation and
 * symbols; right when equal, or when one contains the other and differs by at most a fifth of
 * its length (the manifest sometimes drops a series prefix the cover prints). The expected title
 * is the manifest's {@code standard} column without the identifier in front and the English
 * gloss in parentheses behind; for STS files the {@code title-wrap} of the XML. Rows whose
 * manifest names no title are reported as such and judged by hand.
 */
public final class RecognitionMeasurement {
  private static final Pattern GLOSS = Pattern.compile("\\s+\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\)\\s*$");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "(?i)^(title|untitled|标题|无标题|microsoft word.*|.*\\.(docx?|pdf|wps)|<[0-9a-f]{8,}>?.*|.*(www\\.|https?://|\\.com\\b).*)$");

  private RecognitionMeasurement() {}

  record Row(String path, String group, String language, String standard, String textLayer) {}

  record Result(Row row, String status, String reason, String pagesRead, String expectedId, String gotId,
      boolean idRight, String expectedTitle, String gotTitle, boolean titleRight, boolean garbage, boolean soup,
      long millis) {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]).toAbsolutePath().normalize();
    Path out = Path.of(args[1]);
    boolean neutral = List.of(args).contains("--neutral");
    String only = null;
    for (int i = 2; i < args.length - 1; i++) {
      if (args[i].equals("--only")) {
        only = args[i + 1];
      }
    }
    List<Row> rows = manifest(corpus, only);
    Path root = corpus;
    Map<Row, Path> files = new LinkedHashMap<>();
    if (neutral) {
      root = Files.createTempDirectory("neutral-names");
      for (Row r : rows) {
        Path src = corpus.resolve(r.path());
        String name = r.path().substring(r.path().lastIndexOf('/') + 1);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')).toLowerCase(Locale.ROOT) : "";
        Path dst = root.resolve(r.group()).resolve(sha256(src).substring(0, 16) + ext);
        Files.createDirectories(dst.getParent());
        Files.copy(src, dst);
        files.put(r, dst);
      }
    } else {
      rows.forEach(r -> files.put(r, corpus.resolve(r.path())));
    }
    Path cache = Path.of(System.getenv().getOrDefault("STDSEARCH_OCR_CACHE", "/tmp/stdsearch-measure/ocr-cache"));
    int workers = Integer.parseInt(System.getenv().getOrDefault("STDSEARCH_WORKERS", "2"));
    DocumentTypes types = new DocumentTypes();
    StandardRecogniser recogniser = new StandardRecogniser();
    List<Result> results = new ArrayList<>();
    Path docsRoot = root;
    try (ForkedExtractor extractor = new ForkedExtractor(workers, ExtractionLimits.defaults().withTimeout(
            java.time.Duration.ofSeconds(300)), null, OcrOptions.defaults().withCacheDir(cache));
        ExecutorService pool = Executors.newFixedThreadPool(workers)) {
      List<Future<Result>> futures = new ArrayList<>();
      for (var e : files.entrySet()) {
        futures.add(pool.submit(() -> measure(e.getKey(), e.getValue(), docsRoot, extractor, types, recogniser)));
      }
      for (Future<Result> f : futures) {
        Result r = f.get();
        results.add(r);
        System.err.printf(Locale.ROOT, "%-55s %-8s id %s title %s %s (%d s)%n", r.row().path(), r.status(),
            r.idRight() ? "ok " : "BAD", r.titleRight() ? "ok " : "BAD", r.gotTitle(), r.millis() / 1000);
      }
    }
    report(results, out);
  }

  private static Result measure(Row row, Path file, Path root, ForkedExtractor extractor, DocumentTypes types,
      StandardRecogniser recogniser) throws Exception {
    long start = System.nanoTime();
    String hash = sha256(file);
    String mime = types.detect(file).getBaseType().toString();
    ExtractedDocument doc = extractor.extract(root, file, hash, Files.size(file), mime);
    if (extractor.wantsOcr(doc)) {
      doc = extractor.ocr(root, file, hash, Files.size(file), mime);
    }
    RecognisedStandard r = recogniser.recognise(doc, file, Sidecars.none());
    long millis = (System.nanoTime() - start) / 1_000_000;
    Optional<StandardIdentifier> wantId = IdentifierParser.findAll(row.standard()).stream()
        .filter(m -> m.start() == 0).findFirst().map(IdentifierMatch::identifier);
    boolean idRight;
    if (wantId.isPresent()) {
      StandardIdentifier want = wantId.get();
      Optional<StandardIdentifier> got = Optional.ofNullable(r.identifier()).flatMap(IdentifierParser::parse);
      idRight = got.isPresent() && (want.year() == null
          ? want.undatedKey().equals(got.get().undatedKey())
          : want.canonical().equals(got.get().canonical()));
    } else {
      idRight = true;
    }
    List<String> accepted = LooseTitles.accepted(row.standard());
    String expectedTitle = accepted.isEmpty() ? (row.group().equals("sts") ? stsTitle(file) : null) : accepted.get(0);
    if (accepted.isEmpty() && expectedTitle != null) {
      accepted = List.of(expectedTitle);
    }
    String gotTitle = r.titleZh() != null && !r.titleZh().isBlank() ? r.titleZh() : r.titleEn();
    boolean garbage = LooseTitles.bad(r.titleZh()) || LooseTitles.bad(r.titleEn());
    boolean titleRight = false;
    for (String want : accepted) {
      titleRight |= LooseTitles.sameWords(want, r.titleZh()) || LooseTitles.sameWords(want, r.titleEn());
    }
    titleRight = accepted.isEmpty() ? gotTitle == null || !garbage : titleRight && !garbage;
    String ocrPages = doc.firstMetadata("X-Stdsearch:pages-ocr");
    String textPages = doc.firstMetadata("X-Stdsearch:pages-text-layer");
    String pages = ocrPages == null ? "" : "ocr " + ocrPages + (textPages == null ? "" : "; text layer " + textPages);
    return new Result(row, doc.status().id(), doc.reason(), pages, wantId.map(StandardIdentifier::canonical).orElse(null),
        r.identifier(), idRight, expectedTitle, gotTitle, titleRight, garbage,
        looksLikeSoup(doc.text(), row.language()), millis);
  }

  static boolean isGarbage(String title) {
    String t = title.strip();
    if (PLACEHOLDER.matcher(t).matches()) {
      return true;
    }
    long letters = t.codePoints().filter(Character::isLetter).count();
    long odd = t.codePoints().filter(c -> Character.getType(c) == Character.PRIVATE_USE || c == 0xFFFD
        || c >= 0x2460 && c <= 0x24FF).count();
    return letters < t.length() / 3 || odd > 0 || t.matches(".*[a-z]{25,}.*");
  }

  static boolean sameTitle(String expected, String got) {
    if (got == null) {
      return false;
    }
    String e = norm(expected);
    String g = norm(got);
    if (e.equals(g)) {
      return true;
    }
    int slack = Math.max(2, e.length() / 5);
    return (g.contains(e) || e.contains(g)) && Math.abs(g.length() - e.length()) <= slack;
  }

  static String norm(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return n.replaceAll("[\\s\\p{P}\\p{S}]", "");
  }

  /** The title the manifest names, or the STS title-wrap; null when neither names one. */
  static String expectedTitle(Row row, Path file) throws IOException {
    if (row.group().equals("sts")) {
      return stsTitle(file);
    }
    String s = row.standard().strip();
    boolean zh = row.language().startsWith("zh");
    for (Matcher m = GLOSS.matcher(s); m.find() && !HAN.matcher(m.group(1)).find(); m = GLOSS.matcher(s)) {
      s = s.substring(0, m.start()).strip();
    }
    int dash = s.indexOf(" - ");
    if (dash > 0) {
      return s.substring(dash + 3).strip();
    }
    List<IdentifierMatch> ids = IdentifierParser.findAll(s);
    if (!ids.isEmpty() && ids.get(0).start() == 0) {
      s = s.substring(ids.get(0).end()).strip();
    }
    if (zh) {
      Matcher han = HAN.matcher(s);
      if (!han.find()) {
        return null;
      }
      int at = han.start();
      Matcher latin = Pattern.compile("([A-Za-z0-9-]+) ?$").matcher(s.substring(0, at));
      return s.substring(latin.find() ? latin.start() : at).strip();
    }
    int close = s.lastIndexOf(") ");
    return close >= 0 ? s.substring(close + 2).strip() : s;
  }

  private static String stsTitle(Path file) throws IOException {
    String xml = Files.readString(file, StandardCharsets.UTF_8);
    Matcher wrap = Pattern.compile("<title-wrap(?![^>]*xml:lang=\"(?!en)[a-z]+\")[^>]*>(.*?)</title-wrap>", Pattern.DOTALL)
        .matcher(xml);
    if (!wrap.find()) {
      return null;
    }
    String body = wrap.group(1);
    Matcher full = Pattern.compile("<full>(.*?)</full>", Pattern.DOTALL).matcher(body);
    String t = full.find() ? full.group(1) : "";
    if (t.isBlank()) {
      List<String> parts = new ArrayList<>();
      for (String el : List.of("intro", "main", "compl")) {
        Matcher m = Pattern.compile("<" + el + ">(.*?)</" + el + ">", Pattern.DOTALL).matcher(body);
        if (m.find() && !m.group(1).isBlank()) {
          parts.add(m.group(1));
        }
      }
      t = String.join(" — ", parts);
    }
    t = t.replaceAll("<[^>]+>", "").replace("&mdash;", "—").replaceAll("&[A-Za-z]+;", "").replaceAll("\\s+", " ").strip();
    return t.isEmpty() ? null : t;
  }

  static List<Row> manifest(Path corpus, String only) throws IOException {
    List<String> lines = Files.readAllLines(corpus.resolve("MANIFEST.tsv"));
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t", -1);
      String group = c[0].substring(0, c[0].indexOf('/'));
      if (!Set.of("cn", "intl", "sts").contains(group) || only != null && !c[0].matches(only)) {
        continue;
      }
      rows.add(new Row(c[0], group, c[4], c[5], c[8]));
    }
    return rows;
  }

  private static void report(List<Result> results, Path out) throws IOException {
    try (PrintStream p = new PrintStream(Files.newOutputStream(out), true, StandardCharsets.UTF_8)) {
      p.println("path\tstatus\tpages_read\tid_ok\texpected_id\tgot_id\ttitle_ok\tgarbage\texpected_title\tgot_title\tmillis"
          + "\treason\tsoup");
      for (Result r : results) {
        p.println(String.join("\t", r.row().path(), r.status(), r.pagesRead(), r.idRight() ? "1" : "0",
            String.valueOf(r.expectedId()), String.valueOf(r.gotId()), r.titleRight() ? "1" : "0",
            r.garbage() ? "1" : "0", String.valueOf(r.expectedTitle()), String.valueOf(r.gotTitle()),
            Long.toString(r.millis()), String.valueOf(r.reason()).replaceAll("\\s+", " "), r.soup() ? "1" : "0"));
      }
    }
    Map<String, int[]> groups = new LinkedHashMap<>();
    for (Result r : results) {
      int[] g = groups.computeIfAbsent(r.row().group(), k -> new int[8]);
      g[0]++;
      if (r.expectedId() != null) {
        g[1]++;
        g[2] += r.idRight() ? 1 : 0;
      }
      if (r.expectedTitle() != null) {
        g[3]++;
        g[4] += r.titleRight() ? 1 : 0;
      }
      g[5] += r.garbage() ? 1 : 0;
      g[6] += r.status().equals("ok") && r.soup() ? 1 : 0;
      g[7] += r.status().equals("failed") || r.status().equals("empty") ? 1 : 0;
    }
    groups.forEach((g, c) -> System.out.printf(Locale.ROOT,
        "GROUP %-5s docs %3d  identifier %2d/%-2d  title %2d/%-2d (no title named: %d)  garbage titles %d  ok with soup %d"
            + "  failed/empty %d%n",
        g, c[0], c[2], c[1], c[4], c[3], c[0] - c[3], c[5], c[6], c[7]));
  }

  /**
   * Soup by a measure of its own, over the whole text: replacement, control and private-use
   * characters (but the Symbol font's operators) and Latin-1 letters over 2% of the visible text;
   * or, in a Chinese document, letters that are neither Latin, Greek nor common Han over 5% of
   * the letters, or common Han under 5% of them.
   */
  static boolean looksLikeSoup(String text, String language) {
    long visible = 0;
    long odd = 0;
    long letters = 0;
    long han = 0;
    long foreign = 0;
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      int c = text.codePointAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        continue;
      }
      visible++;
      int type = Character.getType(c);
      boolean symbolFont = c >= 0xF020 && c <= 0xF0FF || c >= 0xF8E5 && c <= 0xF8FF;
      if (c == 0xFFFD || type == Character.CONTROL || type == Character.PRIVATE_USE && !symbolFont
          || c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7) {
        odd++;
      }
      if (Character.isLetter(c)) {
        letters++;
        var script = Character.UnicodeScript.of(c);
        if (c >= 0x4E00 && c <= 0x9FFF) {
          han++;
        } else if (script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.GREEK) {
          foreign++;
        }
      }
    }
    boolean chinese = language.startsWith("zh") && letters > 0;
    return visible > 0 && (odd > 0.02 * visible || chinese && (foreign > 0.05 * letters || han < 0.05 * letters));
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
