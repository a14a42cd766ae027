package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stdsearch.http.Json;
import org.stdsearch.index.StandardMetadata;
import org.stdsearch.recognise.RecognisedStandard;

class DetailMetadataTest {

  /** Issue 17: the contract's own records replace the indexer's, and the detail JSON keeps its shape. */
  @Test
  void contractMetadataWritesTheSameJsonAsTheStoredRecord() {
    StandardMetadata stored = new StandardMetadata("id1", "gb/a.pdf", "GB/T 1-2020", List.of("GB/T 1-2020", "GB/T 1"),
        "GB/T", "标准化工作导则", "Directives for standardization", LocalDate.of(2020, 3, 31), LocalDate.of(2020, 10, 1),
        2020, List.of("SAMR"), List.of("01.120"), List.of("A00"), List.of("GB/T 1.1-2009"),
        new RecognisedStandard.Adoption("MOD", "ISO/IEC Directives Part 2"), "recommended", "national", "zh",
        "superseded", List.of(new StandardMetadata.FieldRef("general", 0.75)),
        List.of(new RecognisedStandard.Clause("4.2", "结构", 100, 200, 2, 3)),
        List.of(new RecognisedStandard.TermEntry("文件", "document", "a text", "3.1")),
        List.of(new RecognisedStandard.Reference("GB/T 20000.1", "GB/T 20000.1", true)),
        new StandardMetadata.Extraction("ok", "a reason", "application/pdf", 12345, "ab12", 40, 321));

    JsonNode expected = Json.mapper().valueToTree(stored);
    JsonNode actual = Json.mapper().valueToTree(DetailMetadata.of(stored));
    assertThat(actual).isEqualTo(expected);
  }
}
