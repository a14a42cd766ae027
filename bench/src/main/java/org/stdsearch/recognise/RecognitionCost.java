package org.stdsearch.recognise;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.extract.ExtractionStatus;
import org.stdsearch.index.SyntheticStandards;

/**
 * What recognising standards costs, without extraction or indexing: the first N files of a folder of
 * synthetic standards (TXT as they are, HTML through jsoup's whole text, its line breaks kept, since
 * recognition reads lines) through {@link StandardRecogniser} on one thread, in rounds. Prints the
 * thread's CPU time per round; compare builds by putting their classes first on the class path, one
 * JVM each, alternating.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.stdsearch.recognise.RecognitionCost DOCS N ROUNDS</pre>
 */
public final class RecognitionCost {
  private RecognitionCost() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: RecognitionCost DOCS N ROUNDS");
      System.exit(2);
    }
    List<Path> files = SyntheticStandards.files(Path.of(args[0]), Integer.parseInt(args[1]));
    List<ExtractedDocument> docs = new ArrayList<>();
    for (Path f : files) {
      String raw = Files.readString(f);
      boolean html = f.toString().endsWith(".html");
      docs.add(new ExtractedDocument(f.getFileName().toString(), "", raw.length(), html ? "text/html" : "text/plain",
          ExtractionStatus.OK, null, html ? Jsoup.parse(raw).wholeText() : raw, List.of(0), Map.of(), 0));
    }
    StandardRecogniser recogniser = new StandardRecogniser();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= Integer.parseInt(args[2]); round++) {
      long start = threads.getCurrentThreadCpuTime();
      int identified = 0;
      for (int i = 0; i < docs.size(); i++) {
        if (recogniser.recognise(docs.get(i), files.get(i), Sidecars.none()).identifier() != null) {
          identified++;
        }
      }
      double cpu = (threads.getCurrentThreadCpuTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "RECOGNISE round=%d docs=%d identified=%d cpu_s=%.2f ms_per_doc=%.3f%n",
          round, docs.size(), identified, cpu, cpu * 1e3 / docs.size());
    }
  }
}
