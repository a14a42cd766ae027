package org.stdsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineageTest {

  @Test
  void newerEditionsAndReplacingStandardsSupersede() {
    List<Lineage.Edition> editions = List.of(
        new Lineage.Edition("a2017", List.of("GB/T35273-2017", "GB/T35273"), "GB/T35273", 2017, List.of(), false),
        new Lineage.Edition("a2020", List.of("GB/T35273-2020", "GB/T35273"), "GB/T35273", 2020,
            List.of("GB/T35273-2017"), false),
        new Lineage.Edition("old", List.of("GB/T11111-2010", "GB/T11111"), "GB/T11111", 2010, List.of(), false),
        new Lineage.Edition("new", List.of("GB/T22222-2021", "GB/T22222"), "GB/T22222", 2021,
            List.of("GB/T11111-2010"), false),
        // says it replaces "the undated standard", its own series: it must not supersede itself
        new Lineage.Edition("self", List.of("GB/T33333-2020", "GB/T33333"), "GB/T33333", 2020, List.of("GB/T33333"),
            false),
        // an older standard claiming to replace a newer one does not supersede it
        new Lineage.Edition("claim", List.of("GB/T44444-2001", "GB/T44444"), "GB/T44444", 2001,
            List.of("GB/T55555-2019"), false),
        new Lineage.Edition("target", List.of("GB/T55555-2019", "GB/T55555"), "GB/T55555", 2019, List.of(), false));
    assertThat(Lineage.superseded(editions)).containsExactlyInAnyOrder("a2017", "old");
  }
}
