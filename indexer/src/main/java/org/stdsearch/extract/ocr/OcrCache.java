package org.stdsearch.extract.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognised page text on disk, keyed by file content hash, page, dpi and languages, so that
 * re-indexing (or a renamed copy of the same scan) never runs Tesseract on the same page twice.
 *
 * <p>Layout: {@code <dir>/<hash[0..2]>/<hash>/p<page>-<dpi>dpi-<languages>.txt}. Each entry starts
 * with a header line holding the SHA-256 of the text; an entry whose header or checksum does not
 * match (a torn write from an older version, a disk error, a hand edit) is ignored and recognised
 * again. Writes go to a temporary file in the same folder and are moved into place atomically, so
 * workers sharing the cache never read half an entry. Safe for concurrent use across processes.
 */
public final class OcrCache {
  private static final Logger log = LoggerFactory.getLogger(OcrCache.class);
  private static final String MAGIC = "stdsearch-ocr-cache-v1 ";

  private final Path dir;

  public OcrCache(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path dir() {
    return dir;
  }

  /** The cached text of one page, or empty when absent or unreadable. */
  public Optional<String> get(String contentHash, int page, int dpi, String languages) {
    Path entry = entry(contentHash, page, dpi, languages);
    if (!Files.isRegularFile(entry)) {
      return Optional.empty();
    }
    try {
      String stored = Files.readString(entry, StandardCharsets.UTF_8);
      int eol = stored.indexOf('\n');
      if (eol < 0 || !stored.startsWith(MAGIC)) {
        log.debug("ignoring OCR cache entry without header: {}", entry);
        return Optional.empty();
      }
      String text = stored.substring(eol + 1);
      if (!stored.substring(MAGIC.length(), eol).equals(sha256(text))) {
        log.debug("ignoring OCR cache entry with a wrong checksum: {}", entry);
        return Optional.empty();
      }
      return Optional.of(text);
    } catch (IOException | RuntimeException e) { // includes malformed UTF-8
      log.debug("ignoring unreadable OCR cache entry {}: {}", entry, e.toString());
      return Optional.empty();
    }
  }

  /** Stores one page's text; a failure to write is logged, never thrown: the cache is an optimisation. */
  public void put(String contentHash, int page, int dpi, String languages, String text) {
    Path entry = entry(contentHash, page, dpi, languages);
    try {
      Files.createDirectories(entry.getParent());
      Path tmp = Files.createTempFile(entry.getParent(), ".entry", ".tmp");
      try {
        Files.writeString(tmp, MAGIC + sha256(text) + "\n" + text, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      log.warn("could not write OCR cache entry {}: {}", entry, e.toString());
    }
  }

  /**
   * Deletes the entries of every file whose content hash is not in {@code contentHashes} (files
   * deleted or changed since they were recognised); returns how many files' entries went. A
   * failure to delete is logged and left for the next run.
   */
  public int retainOnly(Set<String> contentHashes) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    Set<String> keep = new HashSet<>();
    contentHashes.forEach(h -> keep.add(key(h)));
    int removed = 0;
    try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(dir)) {
      for (Path prefix : prefixes) {
        if (!Files.isDirectory(prefix, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(prefix)) {
          for (Path file : files) {
            if (!keep.contains(file.getFileName().toString()) && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
              deleteTree(file);
              removed++;
            }
          }
        }
      }
    } catch (IOException e) {
      log.warn("could not clean the OCR cache {}: {}", dir, e.toString());
    }
    return removed;
  }

  private static void deleteTree(Path folder) throws IOException {
    try (var entries = Files.walk(folder)) {
      for (Path p : entries.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  Path entry(String contentHash, int page, int dpi, String languages) {
    String key = key(contentHash);
    return dir.resolve(key.substring(0, 2)).resolve(key).resolve("p" + page + "-" + dpi + "dpi-" + languages + ".txt");
  }

  /** The hash names a folder: anything that is not plain hex is hashed again to a safe name. */
  private static String key(String contentHash) {
    return contentHash.matches("[0-9a-fA-F]{8,128}") ? contentHash.toLowerCase(java.util.Locale.ROOT) : sha256(contentHash);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
