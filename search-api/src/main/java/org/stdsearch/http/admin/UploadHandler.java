package org.stdsearch.http.admin;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.http.ErrorMapper;
import org.stdsearch.search.Backend;
import org.stdsearch.http.JsonResponses;
import org.stdsearch.http.Params;
import org.stdsearch.http.Problem;
import org.stdsearch.http.ProblemException;
import org.stdsearch.search.BadParameterException;

/**
 * {@code POST /api/v1/admin/documents}: one file, either as {@code multipart/form-data} (field
 * {@code file}) or as the raw body with {@code ?filename=}. The body is received without holding
 * a thread (Undertow's asynchronous receiver, on the IO thread) into a staging folder outside the
 * docs folder; only then does a worker parse it, give it a safe name, add and index it: 201 with
 * the extraction outcome, or 422 when nothing could be extracted (the file is not kept and the
 * index is unchanged). A client that stalls mid-body is cut off by the server's read timeout and
 * never holds a worker (issue 19).
 *
 * <p>A body over the limit is 413. When its length is declared it is refused before reading;
 * otherwise (chunked) the rest is read and discarded up to the limit once more, so that the client
 * receives the 413 instead of a reset connection, and cut off beyond.
 */
public final class UploadHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(UploadHandler.class);
  static final int MAX_NAME = 150;
  /** Outcomes that keep the document: text found, even if partly. */
  static final Set<String> KEPT = Set.of("ok", "empty", "truncated", "garbled");
  static final String BODY = "body.bin";
  static final String EXTRACTED = "upload.bin";

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
      ex.setPersistent(false);
      throw tooLarge();
    }
    // Undertow cuts a chunked body off past this; below it, our own count answers 413 cleanly.
    ex.setMaxEntitySize(maxBytes > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : 2 * maxBytes);
    Staging staging = new Staging(Files.createTempDirectory("stdsearch-upload"));
    ex.getRequestReceiver().receivePartialBytes(staging::received, staging::failed);
  }

  private ProblemException tooLarge() {
    return new ProblemException(413, "payload-too-large", "Payload too large",
        "uploads are limited to " + maxBytes + " bytes", Map.of(Headers.CONNECTION_STRING, "close"), Map.of());
  }

  /** One request's body on its way to disk, then to the index. */
  private final class Staging {
    private final Path folder;
    private final FileChannel body;
    private long received;
    private boolean over;

    Staging(Path folder) throws IOException {
      this.folder = folder;
      this.body = FileChannel.open(folder.resolve(BODY), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** A piece of the body (IO thread): to disk while within the limit, discarded beyond. */
    void received(HttpServerExchange ex, byte[] bytes, boolean last) {
      try {
        received += bytes.length;
        if (!over && received > maxBytes) {
          over = true;
          body.close();
        }
        if (!over) {
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          while (buffer.hasRemaining()) {
            body.write(buffer);
          }
        }
        if (!last) {
          return;
        }
        if (over) {
          cleanUp();
          ErrorMapper.send(ex, problem(tooLarge()), Map.of());
          return;
        }
        body.close();
        ex.dispatch(ex.getConnection().getWorker(), ErrorMapper.wrap(this::index));
      } catch (IOException | RuntimeException e) {
        cleanUp();
        ex.setPersistent(false);
        ex.getRequestReceiver().pause();
        log.warn("staging an upload failed: {}", e.toString());
        ErrorMapper.send(ex, Problem.of(507, "insufficient-storage", "Upload not stored",
            "the upload could not be stored on the server"), Map.of(Headers.CONNECTION_STRING, "close"));
      }
    }

    /** Reading the body failed (IO thread): too large, cut off by the read timeout, or reset. */
    void failed(HttpServerExchange ex, IOException e) {
      cleanUp();
      if (e instanceof RequestTooBigException) {
        ErrorMapper.send(ex, problem(tooLarge()), Map.of());
        return;
      }
      log.debug("upload body not received: {}", e.toString());
      ex.setPersistent(false);
      ex.endExchange();
    }

    /** The whole body is staged (worker): take the file out of it, index it, answer. */
    private void index(HttpServerExchange ex) throws IOException, InterruptedException {
      try {
        String contentType = ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        Path staged = folder.resolve(BODY);
        String name;
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
          staged = folder.resolve(EXTRACTED);
          name = safeName(MultipartFile.extract(folder.resolve(BODY), contentType, staged,
              ex.getConnection().getByteBufferPool()));
        } else {
          name = safeName(Params.of(ex).string("filename"));
        }
        Backend.AddedFile outcome = backend.add(staged, name);
        if (!KEPT.contains(outcome.status())) {
          throw new ProblemException(422, "extraction-failed", "Document not indexed",
              "no text could be extracted (" + outcome.status() + "): "
                  + (outcome.reason() == null ? "unknown reason" : outcome.reason()),
              Map.of(), Map.of("outcome", outcome));
        }
        JsonResponses.sendUncached(ex, 201, outcome);
      } finally {
        cleanUp();
      }
    }

    private void cleanUp() {
      try {
        body.close();
        try (Stream<Path> files = Files.walk(folder)) {
          for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      } catch (IOException e) {
        log.warn("removing a staged upload failed: {}", e.toString());
      }
    }
  }

  private static Problem problem(ProblemException e) {
    return new Problem(Problem.TYPE_BASE + e.type(), e.title(), e.status(), e.getMessage(), null, e.extensions());
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
