package org.stdsearch.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.transport.JsonEndpoint;
import org.stdsearch.opensearch.Documents;

/** {@link SearchAnswer} reads what the client's own {@code SearchResponse} reads from the same answer. */
class SearchAnswerTest {
  private static final JsonpMapper MAPPER = new JacksonJsonpMapper(Documents.mapper());

  /** An answer as OpenSearch writes it for the service's search with {@code typed_keys}, a field facet,
   * a year facet, a status facet, a paged search's point in time and a failed shard. */
  private static final String ANSWER = """
      {"took":3,"timed_out":false,"pit_id":"pit-1==",
       "_shards":{"total":2,"successful":1,"skipped":0,"failed":1,
         "failures":[{"shard":1,"index":"bench","node":"n1","reason":{"type":"node_closed","reason":"gone"}}]},
       "hits":{"total":{"value":1234,"relation":"gte"},"max_score":7.5,
         "hits":[
           {"_index":"bench","_id":"gb-1","_score":7.5,
            "fields":{"hit":["eyJpZCI6ImdiLTEifQ=="],"declared_status":["withdrawn"],"superseded":[true],
                      "implemented":["2021-03-01"]},
            "sort":[7.5,"gb-1"]},
           {"_index":"bench","_id":"rfc-9110","_score":null,"fields":{"hit":["e30="],"superseded":[false]},
            "sort":[-9223372036854775808,"rfc-9110"]}]},
       "aggregations":{
         "filter#field":{"doc_count":1234,"sterms#v":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,
            "buckets":[{"key":"F1","doc_count":900},{"key":"F1.2","doc_count":12}]}},
         "filter#year":{"doc_count":1000,"lterms#v":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,
            "buckets":[{"key":2021,"doc_count":600},{"key":1999,"doc_count":4}]}},
         "filter#status":{"doc_count":1234,"filters#v":{"buckets":{"current":{"doc_count":1000},
            "withdrawn":{"doc_count":0},"superseded":{"doc_count":234}}}}}}
      """;

  private static <T> T read(JsonEndpoint<SearchRequest, T, ?> endpoint) {
    try (JsonParser parser = MAPPER.jsonProvider().createParser(
        new ByteArrayInputStream(ANSWER.getBytes(StandardCharsets.UTF_8)))) {
      return endpoint.responseDeserializer().deserialize(parser, MAPPER);
    }
  }

  @Test
  void readsWhatTheClientsSearchResponseReads() {
    SearchAnswer answer = read((JsonEndpoint<SearchRequest, SearchAnswer, ?>) SearchAnswer.ENDPOINT);
    @SuppressWarnings("unchecked")
    SearchResponse<Void> client = read((JsonEndpoint<SearchRequest, SearchResponse<Void>, ?>)
        SearchRequest.createSearchEndpoint(org.opensearch.client.json.JsonpDeserializer.voidDeserializer()));

    assertThat(answer.total()).isEqualTo(client.hits().total().value()).isEqualTo(1234);
    assertThat(answer.totalIsLowerBound()).isTrue();
    assertThat(answer.timedOut()).isEqualTo(client.timedOut()).isFalse();
    assertThat(answer.failedShards()).isEqualTo(client.shards().failed()).isEqualTo(1);
    assertThat(answer.pitId()).isEqualTo(client.pitId()).isEqualTo("pit-1==");

    assertThat(answer.hits()).hasSize(client.hits().hits().size());
    for (int i = 0; i < answer.hits().size(); i++) {
      SearchAnswer.Hit ours = answer.hits().get(i);
      Hit<Void> theirs = client.hits().hits().get(i);
      assertThat(ours.id()).isEqualTo(theirs.id());
      if (theirs.score() == null) {
        assertThat(ours.score()).isNaN();
      } else {
        assertThat(ours.score()).isEqualTo(theirs.score());
      }
      assertThat(ours.sort()).extracting(v -> String.valueOf(v._get()))
          .isEqualTo(theirs.sort().stream().map(v -> String.valueOf(v._get())).toList());
      assertThat(ours.sort()).extracting(v -> v._kind()).isEqualTo(theirs.sort().stream().map(v -> v._kind()).toList());
      theirs.fields().forEach((name, values) -> {
        var first = values.toJson().asJsonArray().get(0);
        String text = first instanceof jakarta.json.JsonString s ? s.getString() : first.toString();
        assertThat(ours.fields()).containsEntry(name, text);
      });
      assertThat(ours.fields()).hasSameSizeAs(theirs.fields());
    }
    assertThat(answer.hits().get(0).fields()).containsEntry("superseded", "true").containsEntry("declared_status", "withdrawn");

    assertThat(answer.facets().keySet()).containsExactly("field", "year", "status");
    for (String facet : List.of("field", "year")) {
      assertThat(answer.facets().get(facet)).as(facet).isEqualTo(FacetAggregations.termCounts(
          client.aggregations().get(facet).filter().aggregations().get(FacetAggregations.COUNTS)));
    }
    assertThat(answer.facets().get("year")).containsEntry("2021", 600L).containsEntry("1999", 4L);
    assertThat(answer.facets().get("status"))
        .isEqualTo(Map.of("current", 1000L, "withdrawn", 0L, "superseded", 234L));
  }

  @Test
  void anAnswerWithoutHitsOrFacets() {
    String empty = "{\"took\":1,\"timed_out\":true,\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0},"
        + "\"hits\":{\"total\":{\"value\":0,\"relation\":\"eq\"},\"max_score\":null,\"hits\":[]}}";
    try (JsonParser parser = MAPPER.jsonProvider().createParser(
        new ByteArrayInputStream(empty.getBytes(StandardCharsets.UTF_8)))) {
      SearchAnswer a = ((JsonEndpoint<SearchRequest, SearchAnswer, ?>) SearchAnswer.ENDPOINT).responseDeserializer()
          .deserialize(parser, MAPPER);
      assertThat(a.total()).isZero();
      assertThat(a.totalIsLowerBound()).isFalse();
      assertThat(a.timedOut()).isTrue();
      assertThat(a.hits()).isEmpty();
      assertThat(a.facets()).isEmpty();
      assertThat(a.pitId()).isNull();
    }
  }
}
