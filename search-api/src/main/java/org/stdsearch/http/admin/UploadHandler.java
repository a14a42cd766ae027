package org.stdsearch.http.admin;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.server.handlers.form.MultiPartParserDefinition;
import io.undertow.util.Headers;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.Map;
import java.util.Set;
import org.stdsearch.search.Backend;
import org.stdsearch.http.JsonResponses;
import org.stdsearch.http.Params;
import org.stdsearch.http.ProblemException;
import org.stdsearch.search.BadParameterException;

/**
 * {@code POST /api/v1/admin/documents}: one file, either as {@code multipart/form-data} (field
 * {@code file}) or as the raw body with {@code ?filename=}. It is staged outside the docs folder,
 * given a safe name, then added and indexed; 201 with the extraction outcome, or 422 when nothing
 * could be extracted (the file is not kept and the index is unchanged).
 */
public final class UploadHandler implements HttpHandler {
  static final int MAX_NAME = 150;
  /** Outcomes that keep the document: text found, even if partly. */
  static final Set<String> KEPT = Set.of("ok", "empty", "truncated", "garbled");

  private final Backend backend;
  private final long maxBytes;

  public UploadHandler(Backend backend, long maxBytes) {
    this.backend = backend;
    this.maxBytes = maxBytes;
  }

  @Override
  public void handleRequest(HttpServerExchange ex) throws Exception {
    backend.service(); // 503 before the index is open
    if (ex.getRequestContentLength() > maxBytes) {
      throw new ProblemException(413, "payload-too-large", "Payload too large",
          "uploads are limited to " + maxBytes + " bytes", Map.of(Headers.CONNECTION_STRING, "close"), Map.of());
    }
    ex.setMaxEntitySize(maxBytes);
    Path staging = Files.createTempDirectory("stdsearch-upload");
    try {
      String contentType = ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
      Path staged;
      String name;
      if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
        MultiPartParserDefinition multipart = new MultiPartParserDefinition(staging);
        multipart.setMaxIndividualFileSize(maxBytes);
        multipart.setFileSizeThreshold(0);
        try (FormDataParser parser = FormParserFactory.builder(false).addParsers(multipart).build().createParser(ex)) {
          FormData form = parser.parseBlocking();
          FormData.FormValue file = form.getFirst("file");
          if (file == null || !file.isFileItem()) {
            throw new BadParameterException("file", "a multipart field 'file' holding the document is required");
          }
          name = safeName(file.getFileName());
          staged = staging.resolve("upload.bin");
          Files.move(file.getFileItem().getFile(), staged, StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        name = safeName(Params.of(ex).string("filename"));
        staged = staging.resolve("upload.bin");
        try (InputStream in = ex.getInputStream()) {
          Files.copy(in, staged);
        }
      }
      Backend.AddedFile outcome = backend.add(staged, name);
      if (!KEPT.contains(outcome.status())) {
        throw new ProblemException(422, "extraction-failed", "Document not indexed",
            "no text could be extracted (" + outcome.status() + "): " + (outcome.reason() == null ? "unknown reason" : outcome.reason()),
            Map.of(), Map.of("outcome", outcome));
      }
      JsonResponses.sendUncached(ex, 201, outcome);
    } finally {
      try (var files = Files.list(staging)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(staging);
    }
  }

  /**
   * The last segment of a client's file name, reduced to letters, digits and a few punctuation
   * marks: no separators, no {@code ..}, no leading dot (hidden files are not indexed), no sidecar.
   */
  public static String safeName(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new BadParameterException("filename", "is required");
    }
    String name = raw.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC)
        .replaceAll("[^\\p{L}\\p{N}._()（） -]", "_")
        .replaceAll("^[.\\s_-]+", "")
        .strip();
    if (name.length() > MAX_NAME) {
      int dot = name.lastIndexOf('.');
      String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      name = name.substring(0, MAX_NAME - ext.length()) + ext;
    }
    if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
      throw new BadParameterException("filename", "has no usable characters");
    }
    if (name.endsWith(".meta.json")) {
      throw new BadParameterException("filename", "sidecar metadata files cannot be uploaded as documents");
    }
    return name;
  }
}
