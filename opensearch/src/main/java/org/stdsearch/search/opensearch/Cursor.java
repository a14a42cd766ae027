package org.stdsearch.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.opensearch.client.opensearch._types.FieldValue;
import org.stdsearch.opensearch.Documents;
import org.stdsearch.search.BadParameterException;
import org.stdsearch.search.SearchRequest;

/**
 * The opaque deep-paging cursor: the sort it belongs to, the sort values of the last hit (for
 * {@code search_after}) and, once a client follows cursors, the point in time the pages are read
 * from, so that later pages see the index as the second page did. URL-safe base64 of a small JSON.
 */
record Cursor(SearchRequest.Sort sort, List<FieldValue> after, String pit) {

  String encode() {
    ObjectNode o = Documents.mapper().createObjectNode();
    o.put("s", sort.name());
    ArrayNode values = o.putArray("a");
    for (FieldValue v : after) {
      switch (v._kind()) {
        case Double -> values.add(v.doubleValue());
        case Long -> values.add(v.longValue());
        case Boolean -> values.add(v.booleanValue());
        case String -> values.add(v.stringValue());
        case Null -> values.addNull();
        default -> values.add(String.valueOf(v._get()));
      }
    }
    if (pit != null) {
      o.put("p", pit);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(o.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor's position, or a {@link BadParameterException} naming {@code cursor}. */
  static Cursor decode(String cursor, SearchRequest.Sort sort) {
    JsonNode o;
    try {
      o = Documents.mapper().readTree(Base64.getUrlDecoder().decode(cursor));
    } catch (IllegalArgumentException | IOException e) {
      throw new BadParameterException("cursor", "not a cursor from a previous response");
    }
    if (o == null || !o.path("a").isArray() || !o.has("s")) {
      throw new BadParameterException("cursor", "not a cursor from a previous response");
    }
    if (!o.get("s").asText().equals(sort.name())) {
      throw new BadParameterException("cursor", "does not belong to this search (sort " + sort + ")");
    }
    List<FieldValue> after = new ArrayList<>();
    for (JsonNode v : o.get("a")) {
      after.add(v.isNull() ? FieldValue.NULL : v.isIntegralNumber() ? FieldValue.of(v.asLong())
          : v.isNumber() ? FieldValue.of(v.asDouble()) : v.isBoolean() ? FieldValue.of(v.asBoolean())
          : FieldValue.of(v.asText()));
    }
    return new Cursor(sort, after, o.hasNonNull("p") ? o.get("p").asText() : null);
  }
}
