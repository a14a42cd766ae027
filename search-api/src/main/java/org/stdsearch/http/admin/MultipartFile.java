package org.stdsearch.http.admin;

import io.undertow.connector.ByteBufferPool;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.MultipartParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.stdsearch.search.BadParameterException;

/**
 * The {@code file} field of a {@code multipart/form-data} body that is already on disk: its bytes
 * go to a file of their own, its client-given name is returned. Parsing a staged body (rather than
 * the live request) keeps the request itself read without a thread (see {@link UploadHandler}).
 */
final class MultipartFile {
  static final String FIELD = "file";

  private MultipartFile() {}

  /**
   * Writes the {@value #FIELD} part of {@code body} to {@code out}; returns its file name.
   *
   * @throws BadParameterException when the body has no such part or is not valid multipart
   */
  static String extract(Path body, String contentType, Path out, ByteBufferPool pool) throws IOException {
    String boundary = Headers.extractQuotedValueFromHeader(contentType, "boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw new BadParameterException(FIELD, "the multipart body names no boundary");
    }
    try (FileChannel target = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      FilePart part = new FilePart(target);
      MultipartParser.ParseState parser = MultipartParser.beginParse(pool, part,
          boundary.getBytes(StandardCharsets.US_ASCII), StandardCharsets.UTF_8.name());
      byte[] chunk = new byte[64 * 1024];
      try (InputStream in = Files.newInputStream(body)) {
        for (int n = in.read(chunk); n > 0 && !parser.isComplete(); n = in.read(chunk)) {
          parser.parse(ByteBuffer.wrap(chunk, 0, n));
        }
      } catch (IOException e) {
        if (part.writeFailure != null) {
          throw part.writeFailure;
        }
        throw new BadParameterException(FIELD, "the multipart body is malformed");
      }
      if (!parser.isComplete() || part.fileName == null) {
        throw new BadParameterException(FIELD, "a multipart field 'file' holding the document is required");
      }
      return part.fileName;
    }
  }

  /** Copies the data of the first part named {@value #FIELD} that carries a file name. */
  private static final class FilePart implements MultipartParser.PartHandler {
    private final FileChannel target;
    private boolean inFile;
    String fileName;
    IOException writeFailure;

    FilePart(FileChannel target) {
      this.target = target;
    }

    @Override
    public void beginPart(HeaderMap headers) {
      String disposition = headers.getFirst(Headers.CONTENT_DISPOSITION);
      inFile = false;
      if (fileName == null && disposition != null && disposition.startsWith("form-data")
          && FIELD.equals(Headers.extractQuotedValueFromHeader(disposition, "name"))) {
        String name = Headers.extractQuotedValueFromHeaderWithEncoding(disposition, "filename");
        if (name != null) {
          fileName = name;
          inFile = true;
        }
      }
    }

    @Override
    public void data(ByteBuffer buffer) throws IOException {
      if (!inFile) {
        return;
      }
      try {
        while (buffer.hasRemaining()) {
          target.write(buffer);
        }
      } catch (IOException e) {
        writeFailure = e;
        throw e;
      }
    }

    @Override
    public void endPart() {
      inFile = false;
    }
  }
}
