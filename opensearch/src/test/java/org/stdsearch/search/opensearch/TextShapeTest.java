package org.stdsearch.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Token counts as the standard tokenizer and the CJK bigram filter make them (checked against OpenSearch's _analyze). */
class TextShapeTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "security|1|false",
    "GB/T|2|true",
    "35273-2020|2|true",
    "v1.2|1|false",
    "user's|1|false",
    "data_centre|1|false",
    "密|1|false",
    "密钥|1|false",
    "信息安全|3|true",
    "信息 安全|2|false",
    "数据data|2|false",
    "***|0|false",
    "e.g.|1|false",
    "ISO/IEC 27001:2013|4|true"
  })
  void countsTokensAndTellsWhetherTheyPair(String text, int tokens, boolean pairable) {
    TextShape shape = TextShape.of(text);
    assertThat(shape.tokens()).as(text).isEqualTo(tokens);
    assertThat(shape.pairable()).as(text).isEqualTo(pairable);
  }
}
