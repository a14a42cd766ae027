package org.stdsearch.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stdsearch.opensearch.Documents;
import org.stdsearch.search.StandardDetail;

class HitRecordsTest {

  private static StandardDetail.Metadata standard(String id, String titleEn) {
    return new StandardDetail.Metadata(id, "gb/" + id + ".txt", "GB/T 1234—2020", List.of("GBT1234"), "GB/T",
        "信息技术", titleEn, LocalDate.of(2020, 3, 1), LocalDate.of(2020, 10, 1), 2020, List.of(), List.of("35.040"),
        List.of(), List.of(), null, "recommended", "national", "zh", null, List.of(), List.of(), List.of(), List.of(),
        null);
  }

  private static String encoded(StandardDetail.Metadata m) throws Exception {
    return Base64.getEncoder().encodeToString(Documents.mapper().writeValueAsBytes(m));
  }

  @Test
  void readsTheRecordTheSinkWroteAndKeepsItByItsBytes() throws Exception {
    HitRecords records = new HitRecords();
    StandardDetail.Metadata first = standard("a", "Information technology");
    String bytes = encoded(first);

    StandardDetail.Metadata read = records.of(bytes);
    assertThat(read).isEqualTo(first);
    assertThat(records.of(new String(bytes.toCharArray()))).isSameAs(read);

    // the same standard re-indexed with another title: other bytes, so its new record
    StandardDetail.Metadata changed = standard("a", "Information technology — Vocabulary");
    assertThat(records.of(encoded(changed))).isEqualTo(changed).isNotEqualTo(read);
  }

  @Test
  void anUnreadableRecordIsAnError() {
    String junk = Base64.getEncoder().encodeToString("{not json".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> new HitRecords().of(junk)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("hit record");
  }
}
