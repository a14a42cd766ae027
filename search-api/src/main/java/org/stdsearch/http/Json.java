package org.stdsearch.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one Jackson configuration of the API (and the CLI's {@code --json}): field names are API. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .registerModule(new JavaTimeModule())
      // ISO-8601 dates ("2024-03-01"), not epoch arrays.
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      // Absent values are left out rather than written as null; empty lists stay (a client can
      // iterate them without a null check).
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Json() {}

  /** Shared and thread-safe once configured; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
