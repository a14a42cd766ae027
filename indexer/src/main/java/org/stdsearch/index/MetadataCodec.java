package org.stdsearch.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.util.BytesRef;

/** Reads and writes {@link StandardMetadata} as the JSON stored in the index. */
public final class MetadataCodec {
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private MetadataCodec() {}

  public static String write(StandardMetadata metadata) {
    try {
      return JSON.writeValueAsString(metadata);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] writeUtf8(StandardMetadata metadata) {
    try {
      return JSON.writeValueAsBytes(metadata);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads UTF-8 JSON in place: no String, and Jackson's byte parser is its fastest. */
  public static StandardMetadata read(BytesRef utf8) {
    try {
      return JSON.readValue(utf8.bytes, utf8.offset, utf8.length, StandardMetadata.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable stored record", e);
    }
  }

  public static StandardMetadata read(String json) {
    try {
      return JSON.readValue(json, StandardMetadata.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable stored record", e);
    }
  }
}
