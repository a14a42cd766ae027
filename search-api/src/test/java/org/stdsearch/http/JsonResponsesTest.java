package org.stdsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonResponsesTest {

  @Test
  void anAnswerKeepsItsTagAndAnyChangeGivesAnother() {
    byte[] answer = "{\"query\":\"数据安全\",\"total\":42,\"hits\":[]}".getBytes(StandardCharsets.UTF_8);
    String tag = JsonResponses.checksum(answer);
    assertThat(JsonResponses.checksum(answer.clone())).isEqualTo(tag);
    assertThat(tag).matches("[A-Za-z0-9_-]{16}");

    Set<String> tags = new HashSet<>(Set.of(tag));
    for (int i = 0; i < answer.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] changed = answer.clone();
        changed[i] ^= (byte) (1 << bit);
        assertThat(tags.add(JsonResponses.checksum(changed))).as("byte %d bit %d", i, bit).isTrue();
      }
    }
    byte[] longer = java.util.Arrays.copyOf(answer, answer.length + 1);
    assertThat(JsonResponses.checksum(longer)).isNotEqualTo(tag);
  }
}
