package org.stdsearch.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.extract.ocr.Tesseract;
import org.stdsearch.recognise.RecognisedStandard;
import org.stdsearch.recognise.Sidecars;
import org.stdsearch.recognise.StandardRecogniser;

/**
 * Identifier and title accuracy on the real standards of {@code ../shared/corpus} (issue 15),
 * per group, through the indexer's own extraction (forked workers, OCR in auto mode) and
 * recogniser. Skipped when the corpus is absent.
 *
 * <p>With {@code -Dstdsearch.recognition.full=true} every document is measured, scanned ones
 * through OCR, twice: under its own name and as a copy with a neutral name (so no figure can
 * depend on file names); the run then writes {@code docs/recognition.md}. Without the flag the
 * same measurement runs on every document whose OCR text is already cached, and fails when a
 * document is recognised differently from what docs/recognition.md lists: the page cannot drift
 * from the code. Extraction results are cached ({@link CorpusExtraction}), in {@code
 * -Dstdsearch.recognition.cache} (default {@code target/recognition-cache}).
 */
class RecognitionMeasurementIT {
  static final String COMMAND = "./mvnw -B -pl indexer -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false"
      + " -Dit.test=RecognitionMeasurementIT -Dstdsearch.recognition.full=true";
  private static final int WORKERS = 2;

  @BeforeAll
  static void quietParsers() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache")).setLevel(Level.ERROR);
  }

  @Test
  void identifierAndTitleAccuracyPerGroupMatchDocsRecognition() throws Exception {
    String corpusProperty = System.getProperty("stdsearch.sharedCorpus", "../../shared/corpus");
    Path given = Path.of(corpusProperty);
    assumeTrue(Files.isRegularFile(given.resolve("MANIFEST.tsv")), "shared corpus not present: " + given);
    Path corpus = given.toRealPath();
    boolean full = Boolean.getBoolean("stdsearch.recognition.full");
    Path cache = Path.of(System.getProperty("stdsearch.recognition.cache", "target/recognition-cache"));
    Path doc = Path.of(System.getProperty("stdsearch.projectRoot", "..")).resolve("docs/recognition.md");

    List<CorpusTruth.Expected> truth = CorpusTruth.read(corpus);
    List<RecognitionVerdict> named;
    List<RecognitionVerdict> neutral = null;
    List<String> notMeasured = new ArrayList<>();
    String fingerprint;
    try (CorpusExtraction extraction = new CorpusExtraction(cache, WORKERS, full)) {
      fingerprint = extraction.fingerprint();
      named = measure(extraction, corpus, truth, path -> corpus.resolve(path), notMeasured);
      if (full) {
        Path neutralRoot = neutralCopies(corpus, truth);
        neutral = measure(extraction, neutralRoot, truth, path -> neutralRoot.resolve(neutralName(corpus, path)),
            new ArrayList<>());
      }
    }
    String table = RecognitionReport.table(named);
    String misses = RecognitionReport.misses(named);
    System.out.println(table);
    System.out.println(misses);
    notMeasured.forEach(p -> System.out.println("not measured (OCR text not cached, or the worker timed out): " + p));

    if (full) {
      assertThat(notMeasured).isEmpty();
      // the corpus as the project sees it (../shared/corpus), not the checkout's absolute path
      Path projectRoot = doc.getParent().getParent().toAbsolutePath().normalize();
      String shown = corpus.startsWith(projectRoot.getParent())
          ? "../" + projectRoot.getParent().relativize(corpus) : corpus.toString();
      String page = page(shown, named, neutral, fingerprint);
      Files.createDirectories(doc.getParent());
      Files.writeString(doc, page, StandardCharsets.UTF_8);
      System.out.println("wrote " + doc.toAbsolutePath().normalize());
      System.out.println(RecognitionReport.table(neutral));
    } else {
      assumeTrue(Files.isRegularFile(doc), "no docs/recognition.md to compare with: run " + COMMAND);
      Map<String, String> recorded = recordedMisses(Files.readAllLines(doc, StandardCharsets.UTF_8));
      List<String> drift = new ArrayList<>();
      for (RecognitionVerdict v : named) {
        if (notMeasured.contains(v.expected().path())) {
          continue;
        }
        String now = v.missLine();
        String then = recorded.getOrDefault(v.expected().path(), "");
        if (!now.equals(then)) {
          drift.add("docs/recognition.md: " + (then.isEmpty() ? "(right)" : then) + "\n         now: "
              + (now.isEmpty() ? "(right)" : now));
        }
      }
      assertThat(drift).as("recognition changed; regenerate docs/recognition.md with: " + COMMAND).isEmpty();
    }
  }

  private interface Locator {
    Path file(String path);
  }

  private static List<RecognitionVerdict> measure(CorpusExtraction extraction, Path root,
      List<CorpusTruth.Expected> truth, Locator locator, List<String> notMeasured) throws Exception {
    StandardRecogniser recogniser = new StandardRecogniser();
    Sidecars sidecars = Sidecars.load(root);
    List<Future<RecognitionVerdict>> jobs = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1)) {
      for (CorpusTruth.Expected e : truth) {
        jobs.add(pool.submit(() -> {
          Path file = locator.file(e.path());
          CorpusExtraction.Result r = extraction.extract(root, file);
          if (r.notMeasured()) {
            synchronized (notMeasured) {
              notMeasured.add(e.path());
            }
          }
          RecognisedStandard s = r.skipped() ? RecognisedStandard.unrecognised(r.document())
              : recogniser.recognise(r.document(), file, sidecars);
          return RecognitionVerdict.of(e, s);
        }));
      }
      List<RecognitionVerdict> out = new ArrayList<>();
      for (Future<RecognitionVerdict> job : jobs) {
        out.add(job.get());
      }
      return out;
    }
  }

  /** Every document copied under a name made of its content hash (extension kept: it is the format). */
  private static Path neutralCopies(Path corpus, List<CorpusTruth.Expected> truth) throws IOException {
    Path dir = Path.of(System.getProperty("stdsearch.recognition.neutral",
        System.getProperty("java.io.tmpdir") + "/stdsearch-neutral-names"));
    Files.createDirectories(dir);
    for (CorpusTruth.Expected e : truth) {
      Path target = dir.resolve(neutralName(corpus, e.path()));
      if (!Files.isRegularFile(target) || Files.size(target) != Files.size(corpus.resolve(e.path()))) {
        Files.copy(corpus.resolve(e.path()), target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }

  private static String neutralName(Path corpus, String path) {
    try {
      Path file = corpus.resolve(path);
      return CorpusExtraction.sha256(file).substring(0, 16) + CorpusExtraction.extension(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The miss lines of the page, by path. */
  static Map<String, String> recordedMisses(List<String> lines) {
    Map<String, String> out = new TreeMap<>();
    boolean inMisses = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inMisses = line.equals(RecognitionReport.MISSES_HEADING);
      }
      if (inMisses && line.startsWith("| `")) {
        out.put(line.substring(3, line.indexOf('`', 3)), line);
      }
    }
    return out;
  }

  private static String page(String corpus, List<RecognitionVerdict> named, List<RecognitionVerdict> neutral,
      String fingerprint) {
    Tesseract.Installation ocr = Tesseract.onPath().detect(OcrOptions.DEFAULT_LANGUAGES);
    return """
        # Recognition on the shared corpus

        <!-- Generated by RecognitionMeasurementIT (indexer/src/test/java/org/stdsearch/integration). \
        Do not edit: re-run the command below, which rewrites this page. -->

        How well the indexer recognises what each real standard of `../shared/corpus` is: its identifier and its \
        title, per group, through the indexer's own extraction (forked Tika workers, OCR in `auto` mode) and \
        recogniser (issue 15). Regenerate this page with:

        ```bash
        %s
        ```

        Without `-Dstdsearch.recognition.full=true` the same test (part of `./mvnw verify` when the corpus is \
        present) measures every document whose OCR text is cached and fails when any of them is recognised \
        differently from the misses listed below. Extraction and OCR are cached in \
        `-Dstdsearch.recognition.cache=DIR` (default `indexer/target/recognition-cache`; a folder outside \
        `target/` survives `mvn clean`): the first full run OCRs about 350 scanned pages (over an hour on a \
        loaded 2-core machine), later runs take a minute or two.

        Corpus: `%s`, %d documents (`hostile/` and `rfc/rfc-index.txt` are not standards and are left out). \
        Extraction fingerprint `%s`; OCR: %s.

        Targets (issue 15): identifier right ≥ 98%% in every group whose documents print one; title right \
        ≥ 95%% in cn, intl, w3c and sts, ≥ 99%% for RFCs; no placeholder, hex or garbage title.

        ## Figures

        %s
        ## The same documents under neutral names

        Every document copied to a flat folder under a name made of its content hash (the extension kept, as it \
        names the format), so that no figure can come from a file name. Extraction results are shared with the \
        run above (they are cached by content and extension).

        %s
        Documents recognised differently under a neutral name (their own name was the only evidence, through the \
        recogniser's last resort of reading an identifier from the file name):

        %s
        ## How it is measured

        - **Identifier right**: the identifier the corpus names is the one MANIFEST.tsv's `standard` column starts \
        with (after a publisher: `IETF Internet-Draft`, `ETSI/SAGE`), as the production parser reads it, or for \
        RFCs the RFC Editor's `doc_id` (`rfc/json`). The recognised identifier must name the same standard, and \
        the same edition as far as the corpus names one (a year, a version). Documents whose corpus entry starts \
        with no identifier are not counted; what was recognised for them is listed below.
        - **Title right**: for RFCs, the RFC Editor's title (`rfc/json`, else MANIFEST), equal after folding case, \
        width, spacing, punctuation and a leading article. For the rest, MANIFEST's title (after the identifier and an organisation \
        name; MANIFEST adds notes after ` - ` and in trailing brackets, so each segment is accepted): the \
        recognised Chinese or English title holds at least %.0f%% of its words (Latin words, digit runs, single \
        Han characters) and has at most %.1f times as many plus %d (a title, not a paragraph).
        - **Title shown** is the Chinese title, else the English one. **Placeholder**: a word-processor or file \
        name, a URL, `标题`, `Title`, `untitled` and the like; **hex**: sixteen or more hex digits in a row; \
        **garbage**: replacement, private-use or control characters, fewer than two letters, or fewer letters \
        and digits than other visible characters.
        - **Of which the text never shows it**: the identifier the corpus names appears nowhere in the \
        extracted text (any spacing, dash or width): a document that does not print it (a fragment), or whose \
        text layer or OCR lost it.

        ## Identifiers recognised where the corpus names none

        %s
        %s
        %s""".formatted(COMMAND, corpus, named.size(), fingerprint,
        ocr.available() ? "tesseract " + ocr.version() + ", " + OcrOptions.DEFAULT_LANGUAGES : "not installed",
        RecognitionReport.table(named), RecognitionReport.table(neutral), RecognitionReport.differences(named, neutral),
        TitleCheck.RECALL * 100,
        TitleCheck.LENGTH_FACTOR, TitleCheck.SLACK, RecognitionReport.identifiersWithoutTruth(named),
        RecognitionReport.MISSES_HEADING, RecognitionReport.misses(named));
  }
}
