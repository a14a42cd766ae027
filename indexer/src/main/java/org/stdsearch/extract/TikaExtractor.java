package org.stdsearch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.SAXException;
import org.stdsearch.extract.pdf.CoverLines;
import org.stdsearch.extract.pdf.TextLayerPages;

/**
 * Parses one file with Tika in the current JVM. Only worker processes call this: the indexer
 * itself never runs a parser (see {@link ForkedExtractor}).
 */
final class TikaExtractor {
  /** Metadata values longer than this are not kept: they are embedded blobs, not metadata. */
  private static final int MAX_METADATA_VALUE = 8192;
  /** The type of a file nobody has detected. */
  static final String UNKNOWN_TYPE = MediaType.OCTET_STREAM.toString();

  private final AutoDetectParser parser;
  private final Detector detector;
  private final int maxChars;
  private final double garbledShare;

  static {
    useXmlLimits();
  }

  /**
   * Tika's XML reader allows 20 entity expansions unless {@code jdk.xml.entityExpansionLimit}
   * says otherwise, which rejects legitimate documents (the ISO STS table sample expands its own
   * entities 94 times); the limits of {@link LenientXml} bound expansion instead. The worker sets
   * them before Tika loads; this covers in-process use.
   */
  static void useXmlLimits() {
    LenientXml.limits().forEach((name, value) -> {
      if (System.getProperty(name) == null) {
        System.setProperty(name, value);
      }
    });
    org.apache.tika.utils.XMLReaderUtils.setMaxEntityExpansions(LenientXml.MAX_ENTITY_EXPANSIONS);
  }

  TikaExtractor(TikaConfig config, int maxChars, double garbledShare) {
    this.parser = new AutoDetectParser(config);
    // AutoDetectParser runs every detector on every document, even one whose type its caller has
    // set as the parser override: the type is taken from there when set (the document itself),
    // detected otherwise (the documents embedded in it).
    this.detector = config.getDetector();
    this.parser.setDetector((in, metadata) -> {
      String known = metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE);
      return known != null ? MediaType.parse(known) : detector.detect(in, metadata);
    });
    this.maxChars = maxChars;
    this.garbledShare = garbledShare;
  }

  ParseOutcome parse(Path file) {
    return parse(file, UNKNOWN_TYPE);
  }

  /**
   * Parses {@code file} as {@code detectedType} (the indexer has detected it before choosing to
   * extract the file), or as the type detected here when that is {@link #UNKNOWN_TYPE}.
   */
  ParseOutcome parse(Path file, String detectedType) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    PageTextHandler handler = new PageTextHandler(maxChars);
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser); // parse embedded documents (attachments) into the same text
    // Tika OCRs scans on its own when tesseract is on PATH: unbounded per page and invisible in
    // the status. OCR is a separate, bounded pass; here a scan stays "empty".
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    context.set(PDFParserConfig.class, pdf);
    TesseractOCRConfig ocr = new TesseractOCRConfig();
    ocr.setSkipOcr(true);
    context.set(TesseractOCRConfig.class, ocr);
    String mime = UNKNOWN_TYPE;
    try (InputStream in = TikaInputStream.get(file, metadata)) {
      MediaType given = MediaType.parse(detectedType); // null when not a type
      MediaType type = given == null || given.equals(MediaType.OCTET_STREAM) ? detector.detect(in, metadata) : given;
      mime = type.toString();
      metadata.set(Metadata.CONTENT_TYPE, mime);
      // The parser of this type parses it, and the detector set above does not detect it again.
      metadata.set(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE, mime);
      if (type.getBaseType().equals(MediaType.TEXT_PLAIN)) {
        // Plain text is read as written. Unless told so, Tika's text parser sniffs every text file
        // for CSV columns, which costs more than reading it, and reads a file it takes for CSV as a
        // table, dropping the quotes around its cells.
        metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, MediaType.TEXT_PLAIN.toString());
      }
      parser.parse(in, handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      return outcome(mime, ExtractionStatus.ENCRYPTED, "encrypted: " + message(e), handler, metadata);
    } catch (SAXException | TikaException | IOException | RuntimeException e) {
      if (handler.capReached()) {
        return truncated(mime, handler, metadata);
      }
      if (isEncryption(e)) {
        return outcome(mime, ExtractionStatus.ENCRYPTED, "encrypted: " + message(e), handler, metadata);
      }
      if (isXml(mime) && isParseError(e)) {
        return lenientXml(file, mime, metadata, describe(e));
      }
      return ParseOutcome.failed(mime, describe(e));
    } catch (StackOverflowError e) {
      // Deeply nested or cyclic structures (e.g. a PDF content stream that includes itself).
      return ParseOutcome.failed(mime, "parser recursion too deep (stack overflow)");
    }
    if (handler.capReached()) {
      return truncated(mime, handler, metadata);
    }
    return classify(mime, handler, metadata, file);
  }

  /**
   * XML that Tika's strict reader rejected for what its unread DTD would have declared (an
   * unbound {@code tbx:} prefix, as the ISO STS samples use), read again by {@link LenientXml}.
   * A document that is not well-formed fails here too, with the first reason.
   */
  private ParseOutcome lenientXml(Path file, String mime, Metadata metadata, String tikaReason) {
    PageTextHandler handler = new PageTextHandler(maxChars);
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      LenientXml.parse(in, handler);
    } catch (SAXException | IOException | RuntimeException e) {
      if (handler.capReached()) {
        return truncated(mime, handler, metadata);
      }
      return ParseOutcome.failed(mime, tikaReason);
    }
    return classify(mime, handler, metadata, file);
  }

  private static boolean isXml(String mime) {
    return (mime.equals("application/xml") || mime.endsWith("+xml") || mime.equals("text/xml"))
        && !mime.contains("html") && !mime.contains("svg");
  }

  private static boolean isParseError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.xml.sax.SAXParseException) {
        return true;
      }
    }
    return false;
  }

  private ParseOutcome truncated(String mime, PageTextHandler handler, Metadata metadata) {
    return outcome(
        mime,
        ExtractionStatus.TRUNCATED,
        "text truncated at the cap of " + maxChars + " characters",
        handler,
        metadata);
  }

  private ParseOutcome classify(String mime, PageTextHandler handler, Metadata metadata, Path file) {
    String text = handler.text();
    List<Integer> pages = handler.pageStarts();
    boolean paged = mime.equals("application/pdf");
    // A scan's outline (bookmarks) is text too, but not a text layer: only page text counts.
    // Glyphs without a Unicode mapping are a text layer too, a broken one: not a scan.
    boolean empty = paged && handler.sawPages()
        ? TextQuality.isEmpty(handler.visibleOnPages() + TextLayerPages.unmappedGlyphs(metadata), pages.size(), true)
        : TextQuality.isEmpty(text, pages.size(), paged);
    if (empty && isXml(mime)) {
      // Markup that holds no words (an STS skeleton of empty metadata blocks) was read in full:
      // there is no text layer to miss, and nothing OCR could add.
      return outcome(mime, ExtractionStatus.OK, null, handler, metadata);
    }
    if (empty) {
      return outcome(mime, ExtractionStatus.EMPTY, "no text layer (scanned or image-only)", handler, metadata);
    }
    if (paged && handler.sawPages()) {
      Map<String, List<String>> meta = toMap(metadata);
      TextLayerPages.Judged judged = TextLayerPages.judge(text, pages, meta);
      CoverLines.Cover cover = CoverLines.read(file);
      if (cover.page() > 0 && !judged.unreadable().contains(cover.page())) {
        meta.put(CoverLines.METADATA, cover.lines().stream().map(CoverLines.Line::metadataValue).toList());
      }
      if (!judged.unreadable().isEmpty()) {
        meta.put(TextLayerPages.UNREADABLE_PAGES, List.of(TextLayerPages.ranges(judged.unreadable())));
        return new ParseOutcome(mime, ExtractionStatus.GARBLED, judged.reason(), judged.text(), judged.pageStarts(),
            meta);
      }
      return new ParseOutcome(mime, ExtractionStatus.OK, null, judged.text(), judged.pageStarts(), meta);
    }
    double share = TextQuality.suspiciousShare(text);
    if (share > garbledShare) {
      String reason = String.format(
          java.util.Locale.ROOT, "%.0f%% of characters are unmapped glyphs or private-use code points", share * 100);
      return outcome(mime, ExtractionStatus.GARBLED, reason, handler, metadata);
    }
    return outcome(mime, ExtractionStatus.OK, null, handler, metadata);
  }

  private static ParseOutcome outcome(
      String mime, ExtractionStatus status, String reason, PageTextHandler handler, Metadata metadata) {
    return new ParseOutcome(mime, status, reason, handler.text(), handler.pageStarts(), toMap(metadata));
  }

  private static Map<String, List<String>> toMap(Metadata metadata) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String name : metadata.names()) {
      if (name.equals(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE.getName())) {
        continue; // our own instruction to the parser, not the document's metadata
      }
      List<String> values = Arrays.stream(metadata.getValues(name))
          .filter(v -> v != null && v.length() <= MAX_METADATA_VALUE)
          .toList();
      if (!values.isEmpty()) {
        map.put(name, values);
      }
    }
    return map;
  }

  private static boolean isEncryption(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EncryptedDocumentException) {
        return true;
      }
      String name = t.getClass().getSimpleName();
      // PDFBox and POI signal passwords with their own types; Tika does not always wrap them.
      if (name.equals("InvalidPasswordException") || name.equals("AccessPermissionException")) {
        return true;
      }
    }
    return false;
  }

  /** A reason naming the innermost cause: the message a user can act on. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String head = e.getClass().getSimpleName() + ": " + message(e);
    if (root == e) {
      return head;
    }
    return head + " (cause: " + root.getClass().getSimpleName() + ": " + message(root) + ")";
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    if (m == null) {
      return "no message";
    }
    m = m.replaceAll("\\s+", " ").trim();
    return m.length() > 300 ? m.substring(0, 300) + "…" : m;
  }
}
