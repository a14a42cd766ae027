package org.stdsearch.integration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.tika.mime.MediaType;
import org.stdsearch.extract.DocumentTypes;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.extract.ExtractionLimits;
import org.stdsearch.extract.ExtractionStatus;
import org.stdsearch.extract.ForkedExtractor;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;

/**
 * The indexer's extraction step for the recognition measurement: type detection, the forked
 * extractor, and the OCR pass for documents the extractor sends to OCR (mode auto, the
 * production default), exactly as {@code Indexer} runs them.
 *
 * <p>Each result is cached on disk by file content, file extension and a fingerprint of the
 * extraction code (the compiled {@code org.stdsearch.extract} classes, Tika's version and the OCR
 * options), so a re-run after a change to recognition only re-reads the cache, and a change to
 * extraction re-extracts everything. The OCR pass has its own page cache (the project's {@code
 * OcrCache}) below the same folder, which survives extraction changes: scanned pages are
 * recognised once per machine.
 */
final class CorpusExtraction implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * What became of one file.
   *
   * @param notMeasured no extraction to measure: OCR text not cached in a run without OCR, or the
   *     worker timed out (a loaded machine)
   */
  record Result(ExtractedDocument document, boolean skipped, boolean notMeasured) {}

  private final Path cache;
  private final boolean runOcr;
  private final OcrOptions ocr;
  private final String fingerprint;
  private final DocumentTypes types = new DocumentTypes();
  private final ForkedExtractor extractor;

  /**
   * @param cache folder of the caches (created when missing)
   * @param runOcr run the OCR pass where the extractor wants it; when false, a document whose
   *     recognised text is not cached yet is reported as not measured
   */
  CorpusExtraction(Path cache, int workers, boolean runOcr) throws IOException {
    this.cache = Files.createDirectories(cache);
    this.runOcr = runOcr;
    this.ocr = OcrOptions.defaults().withMode(OcrMode.AUTO).withCacheDir(cache.resolve("ocr"));
    this.fingerprint = fingerprint(ocr);
    this.extractor = new ForkedExtractor(workers, ExtractionLimits.defaults(), null, ocr);
  }

  String fingerprint() {
    return fingerprint;
  }

  /** The extraction of {@code file} (below {@code root}) as the indexer would make it. */
  Result extract(Path root, Path file) throws IOException, InterruptedException {
    String hash = sha256(file);
    String ext = extension(file);
    Path first = cache.resolve("extracted").resolve(hash.substring(0, 32) + ext + "-" + fingerprint + ".json");
    Path recognised = cache.resolve("extracted").resolve(hash.substring(0, 32) + ext + "-" + fingerprint + "-ocr.json");
    String relative = root.relativize(file).toString().replace('\\', '/');
    ExtractedDocument doc = read(first, relative);
    if (doc == null) {
      MediaType type = types.detect(file);
      String mime = type.getBaseType().toString();
      if (!types.isSupported(type) && !extractor.readsImages(mime)) {
        return new Result(new ExtractedDocument(relative, hash, Files.size(file), mime, ExtractionStatus.SKIPPED,
            "unsupported type " + mime, "", List.of(0), java.util.Map.of(), 0), true, false);
      }
      doc = extractor.extract(root, file, hash, Files.size(file), mime);
      if (timedOut(doc)) {
        // A busy machine, not the document: neither cached nor measured.
        return new Result(doc, false, true);
      }
      write(first, doc);
    }
    if (!extractor.wantsOcr(doc)) {
      return new Result(doc, false, false);
    }
    ExtractedDocument ocred = read(recognised, relative);
    if (ocred == null && !runOcr) {
      return new Result(doc, false, true);
    }
    if (ocred == null) {
      ocred = extractor.ocr(root, file, hash, Files.size(file), doc.mimeType());
      if (timedOut(ocred)) {
        return new Result(ocred, false, true);
      }
      write(recognised, ocred);
    }
    return new Result(ocred, false, false);
  }

  private static boolean timedOut(ExtractedDocument doc) {
    return doc.status() == ExtractionStatus.FAILED && doc.reason() != null && doc.reason().startsWith("timed out");
  }

  private static ExtractedDocument read(Path cached, String relative) throws IOException {
    if (!Files.isRegularFile(cached)) {
      return null;
    }
    ExtractedDocument d = JSON.readValue(cached.toFile(), ExtractedDocument.class);
    return new ExtractedDocument(relative, d.contentHash(), d.sizeBytes(), d.mimeType(), d.status(), d.reason(),
        d.text(), d.pageStarts(), d.metadata(), d.extractMillis());
  }

  private static void write(Path cached, ExtractedDocument doc) throws IOException {
    Files.createDirectories(cached.getParent());
    Path tmp = Files.createTempFile(cached.getParent(), "part", ".json");
    JSON.writeValue(tmp.toFile(), doc);
    Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The extension, lower case, with its dot: type detection reads it, nothing else of the name. */
  static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 over the compiled extraction classes, Tika's version and the OCR options (first 12 hex digits). */
  private static String fingerprint(OcrOptions ocr) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(org.apache.tika.Tika.class.getPackage().getImplementationVersion() == null ? new byte[0]
          : org.apache.tika.Tika.class.getPackage().getImplementationVersion().getBytes());
      md.update((ocr.languages() + ocr.dpi() + ocr.mode()).getBytes());
      Path location = Path.of(ForkedExtractor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        try (Stream<Path> classes = Files.walk(location.resolve("org/stdsearch/extract"))) {
          for (Path p : classes.filter(Files::isRegularFile).sorted().toList()) {
            md.update(location.relativize(p).toString().getBytes());
            md.update(Files.readAllBytes(p));
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (var entry : jar.stream().filter(e -> e.getName().startsWith("org/stdsearch/extract/"))
              .sorted(java.util.Comparator.comparing(java.util.jar.JarEntry::getName)).toList()) {
            md.update(entry.getName().getBytes());
            md.update(jar.getInputStream(entry).readAllBytes());
          }
        }
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 12);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    extractor.close();
  }
}
