package org.stdsearch.extract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.tika.config.TikaConfig;

/**
 * In-process extraction for tests that read many corpus files (recogniser accuracy, analyzer
 * comparison): the production {@link TikaExtractor} (no OCR, real page starts) without a forked
 * worker, with each result cached as JSON under {@code target/extracted/} by content hash and
 * file name, so only the first run after {@code mvn clean} pays for Tika.
 */
public final class CachedExtraction {
  private static final Path CACHE = Path.of("target", "extracted");
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static TikaExtractor extractor;

  private CachedExtraction() {}

  /** The extraction of {@code file}, its relative path taken below {@code root}. */
  public static ExtractedDocument extract(Path root, Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      String relative = root.relativize(file).toString().replace('\\', '/');
      Path cached = CACHE.resolve(hash.substring(0, 24) + ".json");
      if (Files.isRegularFile(cached)) {
        ExtractedDocument doc = JSON.readValue(cached.toFile(), ExtractedDocument.class);
        return new ExtractedDocument(relative, doc.contentHash(), doc.sizeBytes(), doc.mimeType(), doc.status(),
            doc.reason(), doc.text(), doc.pageStarts(), doc.metadata(), doc.extractMillis());
      }
      long start = System.nanoTime();
      ParseOutcome o = extractor().parse(file);
      ExtractedDocument doc = new ExtractedDocument(relative, hash, bytes.length, o.mimeType(), o.status(),
          o.reason(), o.text(), o.pageStarts(), o.metadata(), (System.nanoTime() - start) / 1_000_000);
      Files.createDirectories(CACHE);
      Path tmp = Files.createTempFile(CACHE, "part", ".json");
      JSON.writeValue(tmp.toFile(), doc);
      Files.move(tmp, cached, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return doc;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized TikaExtractor extractor() {
    if (extractor == null) {
      ExtractionLimits limits = ExtractionLimits.defaults();
      extractor = new TikaExtractor(TikaConfig.getDefaultConfig(), limits.maxChars(), limits.garbledShare());
    }
    return extractor;
  }
}
