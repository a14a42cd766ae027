package org.stdsearch.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.stdsearch.opensearch.Documents;

/** The doc values a hit was asked for ({@code docvalue_fields}): single values as strings, JSON from binary values. */
final class DocValues {
  private final Map<String, JsonData> fields;

  DocValues(Map<String, JsonData> fields) {
    this.fields = fields;
  }

  /** The first value of {@code field}, or null when the document has none. */
  String string(String field) {
    JsonData values = fields.get(field);
    if (values == null) {
      return null;
    }
    var array = values.toJson().asJsonArray();
    if (array.isEmpty()) {
      return null;
    }
    var v = array.get(0);
    return v instanceof jakarta.json.JsonString s ? s.getString() : v.toString();
  }

  /** The JSON held base64-encoded in the binary doc value of {@code field}, or null. */
  JsonNode json(String field) {
    String base64 = string(field);
    if (base64 == null) {
      return null;
    }
    try {
      return Documents.mapper().readTree(Base64.getDecoder().decode(base64));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable hit record", e);
    }
  }
}
