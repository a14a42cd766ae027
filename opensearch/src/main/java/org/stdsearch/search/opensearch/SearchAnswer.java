package org.stdsearch.search.opensearch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.json.stream.JsonParser.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonpDeserializer;
import org.opensearch.client.json.jackson.JacksonJsonpParser;
import org.opensearch.client.opensearch._types.ErrorResponse;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.transport.Endpoint;

/**
 * The part of a search's answer the service reads, decoded in one pass over the JSON: the total,
 * whether the search was cut short, the page of hits (id, score, the requested doc values, sort
 * values) and the facet counts. The client's own {@code SearchResponse} builds an object for every
 * node of the answer (each doc value a JSON-P tree) on every search; this reads the same request's
 * answer through {@link #ENDPOINT} and builds only what the service uses.
 *
 * @param total matching standards, or a lower bound when {@code totalIsLowerBound}
 * @param failedShards shard copies that failed with no other copy answering for them
 * @param pitId the point in time a paged search read, or null
 * @param facets per aggregation name (a facet), its counts by value: terms buckets by key, keyed
 *     {@code filters} buckets by name, in the answer's order
 */
record SearchAnswer(long total, boolean totalIsLowerBound, boolean timedOut, int failedShards, String pitId,
    List<Hit> hits, Map<String, Map<String, Long>> facets) {

  /**
   * One hit.
   *
   * @param score the score, NaN when the search did not score (sorted by a field)
   * @param fields the first value of each requested doc value, as text (JSON numbers and booleans as written)
   * @param sort the hit's sort values, for {@code search_after}
   */
  record Hit(String id, double score, Map<String, String> fields, List<FieldValue> sort) {}

  /** The search endpoint, answering with a {@link SearchAnswer}. */
  static final Endpoint<SearchRequest, SearchAnswer, ErrorResponse> ENDPOINT =
      SearchRequest._ENDPOINT.withResponseDeserializer(JsonpDeserializer.of(EnumSet.of(Event.START_OBJECT),
          (parser, mapper, event) -> {
            if (!(parser instanceof JacksonJsonpParser jackson)) {
              throw new IllegalStateException("the search answer is read with Jackson; the client was given "
                  + parser.getClass().getName());
            }
            try {
              return read(jackson.jacksonParser());
            } catch (IOException e) {
              throw new UncheckedIOException("unreadable search answer", e);
            }
          }));

  /** Reads the answer object whose {@code START_OBJECT} is the parser's current token. */
  static SearchAnswer read(JsonParser p) throws IOException {
    long total = 0;
    boolean lowerBound = false;
    boolean timedOut = false;
    int failed = 0;
    String pit = null;
    List<Hit> hits = List.of();
    Map<String, Map<String, Long>> facets = Map.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "timed_out" -> timedOut = value == JsonToken.VALUE_TRUE;
        case "pit_id" -> pit = p.getValueAsString();
        case "_shards" -> failed = (int) numberIn(p, "failed");
        case "hits" -> {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (field.equals("total") && t == JsonToken.START_OBJECT) {
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                  case "value" -> total = p.getLongValue();
                  case "relation" -> lowerBound = "gte".equals(p.getText());
                  default -> p.skipChildren();
                }
              }
            } else if (field.equals("hits") && t == JsonToken.START_ARRAY) {
              hits = new ArrayList<>();
              while (p.nextToken() == JsonToken.START_OBJECT) {
                hits.add(hit(p));
              }
            } else {
              p.skipChildren();
            }
          }
        }
        case "aggregations" -> facets = facets(p);
        default -> p.skipChildren();
      }
    }
    return new SearchAnswer(total, lowerBound, timedOut, failed, pit, hits, facets);
  }

  /** The number {@code field} of the object whose START_OBJECT is current (0 when it has none); the rest skipped. */
  private static long numberIn(JsonParser p, String field) throws IOException {
    long value = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      if (f.equals(field)) {
        value = p.getLongValue();
      } else {
        p.skipChildren();
      }
    }
    return value;
  }

  private static Hit hit(JsonParser p) throws IOException {
    String id = null;
    double score = Double.NaN;
    Map<String, String> fields = Map.of();
    List<FieldValue> sort = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      switch (f) {
        case "_id" -> id = p.getText();
        case "_score" -> score = t == JsonToken.VALUE_NULL ? Double.NaN : p.getDoubleValue();
        case "fields" -> {
          fields = new HashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken(); // the field's values: an array
            String first = null;
            while (p.nextToken() != JsonToken.END_ARRAY) {
              if (first == null) {
                first = p.currentToken().isScalarValue() ? p.getText() : null;
              }
              p.skipChildren();
            }
            if (first != null) {
              fields.put(field, first);
            }
          }
        }
        case "sort" -> {
          sort = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            sort.add(sortValue(p));
          }
        }
        default -> p.skipChildren();
      }
    }
    return new Hit(id, score, fields, sort);
  }

  private static FieldValue sortValue(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_NUMBER_INT -> FieldValue.of(p.getLongValue());
      case VALUE_NUMBER_FLOAT -> FieldValue.of(p.getDoubleValue());
      case VALUE_TRUE -> FieldValue.of(true);
      case VALUE_FALSE -> FieldValue.of(false);
      case VALUE_NULL -> FieldValue.NULL;
      case VALUE_STRING -> FieldValue.of(p.getText());
      default -> throw new IOException("a sort value that is not a scalar: " + p.currentToken());
    };
  }

  /**
   * Facets as the service asks for them: a {@code filter} aggregation per facet around counts; the
   * names carry their types ({@code filter#field}, {@code sterms#v}) as the client asks for them.
   */
  private static Map<String, Map<String, Long>> facets(JsonParser p) throws IOException {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String facet = untyped(p.currentName());
      p.nextToken();
      Map<String, Long> counts = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String sub = untyped(p.currentName());
        if (p.nextToken() == JsonToken.START_OBJECT && sub.equals(FacetAggregations.COUNTS)) {
          buckets(p, counts);
        } else {
          p.skipChildren(); // the filter's doc_count
        }
      }
      out.put(facet, counts);
    }
    return out;
  }

  /** The buckets of a terms or keyed filters aggregation, whose START_OBJECT is current. */
  private static void buckets(JsonParser p, Map<String, Long> counts) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      if (!f.equals("buckets")) {
        p.skipChildren();
      } else if (t == JsonToken.START_ARRAY) { // terms: [{"key": .., "doc_count": ..}]
        while (p.nextToken() == JsonToken.START_OBJECT) {
          String key = null;
          long count = 0;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String bf = p.currentName();
            p.nextToken();
            switch (bf) {
              case "key" -> key = p.getText();
              case "doc_count" -> count = p.getLongValue();
              default -> p.skipChildren();
            }
          }
          if (key != null) {
            counts.put(key, count);
          }
        }
      } else if (t == JsonToken.START_OBJECT) { // keyed filters: {"name": {"doc_count": ..}}
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          counts.put(key, numberIn(p, "doc_count"));
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private static String untyped(String name) {
    int hash = name.indexOf('#');
    return hash < 0 ? name : name.substring(hash + 1);
  }
}
