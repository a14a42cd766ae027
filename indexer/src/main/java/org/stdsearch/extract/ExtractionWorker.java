package org.stdsearch.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.config.TikaConfig;

/**
 * Main class of a forked extraction worker: reads one request per line on stdin
 * ({@code file<TAB>resultFile}), parses the file with Tika, writes the {@link ParseOutcome} as
 * JSON to the result file and answers {@code done} on stdout.
 *
 * <p>The worker runs with a bounded heap and {@code -XX:+ExitOnOutOfMemoryError}: a parser that
 * hangs or exhausts memory takes down this process only, and the indexer records the document
 * as failed and starts a fresh worker.
 */
public final class ExtractionWorker {
  static final String READY = "ready";
  static final String DONE = "done";

  private ExtractionWorker() {}

  /** Arguments: maxChars garbledShare [tikaConfigXml]. */
  public static void main(String[] args) throws Exception {
    // Parsers (and the libraries under them) sometimes print to stdout: keep the protocol
    // channel for ourselves and send everything else to stderr.
    PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);

    int maxChars = Integer.parseInt(args[0]);
    double garbledShare = Double.parseDouble(args[1]);
    TikaConfig config = args.length > 2 ? new TikaConfig(Path.of(args[2])) : TikaConfig.getDefaultConfig();
    TikaExtractor extractor = new TikaExtractor(config, maxChars, garbledShare);
    ObjectMapper json = new ObjectMapper();
    protocol.println(READY);

    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      int tab = line.indexOf('\t');
      Path file = Path.of(line.substring(0, tab));
      Path result = Path.of(line.substring(tab + 1));
      ParseOutcome outcome;
      try {
        outcome = extractor.parse(file);
      } catch (RuntimeException | LinkageError e) {
        outcome = ParseOutcome.failed("application/octet-stream", TikaExtractor.describe(e));
      }
      try (var out = Files.newOutputStream(result)) {
        json.writeValue(out, outcome);
      }
      protocol.println(DONE);
    }
  }
}
