package org.stdsearch.index;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.tika.mime.MediaType;
import org.stdsearch.extract.DocumentTypes;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.extract.ExtractionLimits;
import org.stdsearch.extract.ForkedExtractor;

/**
 * The extraction baseline of the indexing benchmark: the indexer's own pipeline up to and
 * including extraction (same walk, hash, type detection, forked Tika workers with the same limits
 * and parser configuration, same 2 threads per worker) but no recognition, no analysis, no index.
 * It lives in {@code org.stdsearch.index} only to reuse the package-private {@link DocumentWalker}.
 *
 * <p>Usage: {@code TikaOnlyExtraction DOCS WORKERS [TIKA_CONFIG]}; prints one {@code TIKA_ONLY} line.
 */
public final class TikaOnlyExtraction {
  private TikaOnlyExtraction() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toRealPath();
    int workers = Integer.parseInt(args[1]);
    Path tikaConfig = args.length > 2 ? Path.of(args[2]) : null;
    long start = System.nanoTime();
    List<DocumentWalker.Candidate> candidates = DocumentWalker.walk(root);
    DocumentTypes types = new DocumentTypes();
    AtomicLong bytes = new AtomicLong();
    AtomicLong chars = new AtomicLong();
    AtomicLong extractMillis = new AtomicLong();
    Map<String, Integer> perStatus = new TreeMap<>();
    int done = 0;
    try (ForkedExtractor extractor = new ForkedExtractor(workers, ExtractionLimits.defaults(), tikaConfig);
        ExecutorService pool = Executors.newFixedThreadPool(2 * workers)) {
      List<Future<String>> futures = candidates.stream().filter(c -> c.refusal() == null)
          .map(c -> pool.submit(() -> {
            long size = Files.size(c.file());
            String hash = sha256(c.file());
            MediaType type = types.detect(c.file());
            if (!types.isSupported(type)) {
              return "skipped";
            }
            ExtractedDocument d = extractor.extract(root, c.file(), hash, size, type.getBaseType().toString());
            bytes.addAndGet(size);
            chars.addAndGet(d.text() == null ? 0 : d.text().length());
            extractMillis.addAndGet(d.extractMillis());
            return d.status().toString().toLowerCase(Locale.ROOT);
          })).toList();
      for (Future<String> f : futures) {
        perStatus.merge(f.get(), 1, Integer::sum);
        done++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int extracted = done - perStatus.getOrDefault("skipped", 0);
    System.out.printf(Locale.ROOT,
        "TIKA_ONLY workers=%d docs=%d bytes=%d chars=%d time=%.2fs docs/s=%.2f MB/s=%.3f extract_s_summed=%.1f status=%s%n",
        workers, extracted, bytes.get(), chars.get(), seconds, extracted / seconds, bytes.get() / 1e6 / seconds,
        extractMillis.get() / 1000.0, perStatus);
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
