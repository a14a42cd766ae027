package org.stdsearch.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.FieldValue;
import org.stdsearch.search.BadParameterException;
import org.stdsearch.search.SearchRequest;

class CursorTest {

  @Test
  void roundTripsSortValuesAndThePointInTime() {
    Cursor c = new Cursor(SearchRequest.Sort.NEWEST, List.of(FieldValue.of(Long.MIN_VALUE), FieldValue.of("ab12")),
        "pit-id==");
    Cursor back = Cursor.decode(c.encode(), SearchRequest.Sort.NEWEST);
    assertThat(back.after()).extracting(v -> String.valueOf(v._get())).containsExactly(
        String.valueOf(Long.MIN_VALUE), "ab12");
    assertThat(back.pit()).isEqualTo("pit-id==");
    Cursor score = Cursor.decode(new Cursor(SearchRequest.Sort.RELEVANCE,
        List.of(FieldValue.of(2.0), FieldValue.of("x")), null).encode(), SearchRequest.Sort.RELEVANCE);
    assertThat(score.after().get(0).isDouble()).isTrue();
    assertThat(score.pit()).isNull();
  }

  @Test
  void aForeignOrMangledCursorIsABadParameter() {
    String newest = new Cursor(SearchRequest.Sort.NEWEST, List.of(FieldValue.of(1L)), null).encode();
    for (Runnable r : List.<Runnable>of(
        () -> Cursor.decode(newest, SearchRequest.Sort.OLDEST),
        () -> Cursor.decode("%%%", SearchRequest.Sort.NEWEST),
        () -> Cursor.decode(java.util.Base64.getUrlEncoder().encodeToString("junk".getBytes()), SearchRequest.Sort.NEWEST))) {
      assertThatThrownBy(r::run).isInstanceOf(BadParameterException.class)
          .extracting(e -> ((BadParameterException) e).parameter()).isEqualTo("cursor");
    }
  }
}
