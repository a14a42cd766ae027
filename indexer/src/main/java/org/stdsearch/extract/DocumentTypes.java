package org.stdsearch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/** Detects a file's type from its content and name, and says whether we index that type. */
public final class DocumentTypes {
  private static final Set<MediaType> SUPPORTED = Set.of(
      MediaType.application("pdf"),
      MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document"),
      MediaType.application("msword"),
      MediaType.application("vnd.oasis.opendocument.text"),
      MediaType.application("rtf"),
      MediaType.text("html"),
      MediaType.application("xhtml+xml"),
      MediaType.APPLICATION_XML,
      MediaType.TEXT_PLAIN,
      MediaType.application("epub+zip"));

  /**
   * Data formats that Tika files under text/plain but that are not documents (the RFC Editor's
   * JSON metadata, scripts, style sheets); sidecar metadata is read separately.
   */
  private static final Set<MediaType> NOT_DOCUMENTS = Set.of(
      MediaType.application("json"),
      MediaType.application("javascript"),
      MediaType.text("javascript"),
      MediaType.text("css"),
      MediaType.text("csv"),
      MediaType.text("tab-separated-values"));

  private final Detector detector;
  private final MediaTypeRegistry registry;

  public DocumentTypes() {
    TikaConfig config = TikaConfig.getDefaultConfig();
    this.detector = config.getDetector();
    this.registry = config.getMediaTypeRegistry();
  }

  /** Detects from the first bytes (magic) and the file name together. */
  public MediaType detect(Path file) throws IOException {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    try (InputStream in = TikaInputStream.get(file, metadata)) {
      return detector.detect(in, metadata);
    }
  }

  /**
   * The character encoding of a text file, as Tika's encoding detectors read it from the content
   * (byte-order mark, then statistics: UTF-8, GB18030, Big5, ...), or empty when they cannot tell.
   * Plain-text standards come in GB 18030 as often as in UTF-8, so a server must not assume one.
   */
  public static java.util.Optional<java.nio.charset.Charset> textEncoding(Path file) throws IOException {
    try (InputStream in = TikaInputStream.get(file)) {
      return java.util.Optional.ofNullable(ENCODINGS.detect(in, new Metadata()));
    }
  }

  private static final org.apache.tika.detect.EncodingDetector ENCODINGS =
      TikaConfig.getDefaultConfig().getEncodingDetector();

  /** True for the document types we extract, including their subtypes (XML dialects, text/*). */
  public boolean isSupported(MediaType type) {
    for (MediaType t = type.getBaseType(); t != null; t = registry.getSupertype(t)) {
      if (NOT_DOCUMENTS.contains(t)) {
        return false;
      }
      if (SUPPORTED.contains(t)) {
        // application/octet-stream is nobody's subtype; zip-based office formats we do not
        // support (xlsx, pptx) have application/zip as supertype, not one of ours.
        return true;
      }
    }
    return false;
  }
}
