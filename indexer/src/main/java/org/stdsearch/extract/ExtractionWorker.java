package org.stdsearch.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.tika.config.TikaConfig;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.extract.ocr.Tesseract;

/**
 * Main class of a forked extraction worker: reads one request per line on stdin
 * ({@code file<TAB>resultFile<TAB>type}), parses the file with Tika as that type (as the type it
 * detects when the type is {@code application/octet-stream} or missing), writes the {@link
 * ParseOutcome} as JSON to the result file and answers {@code done} on stdout.
 *
 * <p>An OCR request ({@code ocr<TAB>file<TAB>resultFile<TAB>contentHash<TAB>languages<TAB>dpi
 * <TAB>pageTimeoutMillis<TAB>cacheDir<TAB>mode}, cacheDir {@code -} for none) recognises the file's page
 * images instead (see {@link OcrExtractor}) and answers {@code page<TAB>n<TAB>pages} after each
 * page, so the indexer's deadline can follow the page count, then {@code done}.
 *
 * <p>The worker runs with a bounded heap and {@code -XX:+ExitOnOutOfMemoryError}: a parser that
 * hangs or exhausts memory takes down this process only, and the indexer records the document
 * as failed and starts a fresh worker.
 */
public final class ExtractionWorker {
  static final String READY = "ready";
  static final String DONE = "done";
  static final String OCR = "ocr";
  static final String PAGE = "page";

  private ExtractionWorker() {}

  /** Arguments: maxChars garbledShare [tikaConfigXml]. */
  public static void main(String[] args) throws Exception {
    // Parsers (and the libraries under them) sometimes print to stdout: keep the protocol
    // channel for ourselves and send everything else to stderr.
    PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    exitWhenParentDies();
    TikaExtractor.useXmlLimits(); // before Tika's XML reader pool is built

    int maxChars = Integer.parseInt(args[0]);
    double garbledShare = Double.parseDouble(args[1]);
    TikaConfig config = args.length > 2 ? new TikaConfig(Path.of(args[2])) : TikaConfig.getDefaultConfig();
    TikaExtractor extractor = new TikaExtractor(config, maxChars, garbledShare);
    ObjectMapper json = new ObjectMapper();
    protocol.println(READY);

    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    OcrExtractor ocr = new OcrExtractor(extractor, Tesseract.onPath(), maxChars);
    for (String line; (line = in.readLine()) != null; ) {
      String[] fields = line.split("\t");
      boolean isOcr = fields[0].equals(OCR);
      Path file = Path.of(fields[isOcr ? 1 : 0]);
      Path result = Path.of(fields[isOcr ? 2 : 1]);
      ParseOutcome outcome;
      try {
        outcome = isOcr
            ? ocr.ocr(file, fields[3], ocrOptions(fields), (page, pages) -> protocol.println(PAGE + "\t" + page + "\t" + pages))
            : extractor.parse(file, fields.length > 2 ? fields[2] : TikaExtractor.UNKNOWN_TYPE);
      } catch (RuntimeException | LinkageError e) {
        outcome = ParseOutcome.failed(TikaExtractor.UNKNOWN_TYPE, TikaExtractor.describe(e));
      }
      try (var out = Files.newOutputStream(result)) {
        json.writeValue(out, outcome);
      }
      protocol.println(DONE);
    }
  }

  /**
   * A worker whose indexer was killed would otherwise finish the document in hand (for a scan,
   * page after page of Tesseract) before it notices the closed pipe: seen in a killed benchmark
   * run. The handle names the original parent process, so a reused pid does not keep us alive.
   */
  private static void exitWhenParentDies() {
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
      System.err.println("the indexer process has gone: worker exits");
      System.exit(3);
    }));
  }

  /** An OCR request line, as {@link #main} reads it back. */
  static String ocrRequest(Path file, Path result, String contentHash, OcrOptions o) {
    return String.join("\t", OCR, file.toAbsolutePath().toString(), result.toString(), contentHash, o.languages(),
        Integer.toString(o.dpi()), Long.toString(o.pageTimeout().toMillis()),
        o.cacheDir() == null ? "-" : o.cacheDir().toAbsolutePath().toString(), o.mode().id());
  }

  private static OcrOptions ocrOptions(String[] f) {
    return OcrOptions.defaults()
        .withLanguages(f[4])
        .withDpi(Integer.parseInt(f[5]))
        .withPageTimeout(Duration.ofMillis(Long.parseLong(f[6])))
        .withCacheDir(f[7].equals("-") ? null : Path.of(f[7]))
        .withMode(OcrMode.fromId(f[8]));
  }
}
