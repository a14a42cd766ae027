package org.stdsearch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextQualityTest {
  @Test
  void blankTextIsEmpty() {
    assertThat(TextQuality.isEmpty(" \n\t\u3000", 1, false)).isTrue();
  }

  @Test
  void aPdfWithAFewCharactersPerPageIsEmpty() {
    assertThat(TextQuality.isEmpty("1 2 3 4 5 6 7 8", 8, true)).isTrue();
    assertThat(TextQuality.isEmpty("x".repeat(400), 8, true)).isFalse();
  }

  @Test
  void mojibakeAndPrivateUseCountAsSuspicious() {
    assertThat(TextQuality.suspiciousShare("¸ß¶È¹¤³Ì")).isEqualTo(1.0);
    assertThat(TextQuality.suspiciousShare("信息安全技术 information security")).isZero();
    assertThat(TextQuality.suspiciousShare("ab\uE000\uFFFD")).isEqualTo(0.5);
  }

  @Test
  void pageOfAnOffsetFollowsThePageStarts() {
    List<Integer> starts = List.of(0, 10, 25);
    assertThat(PageOffsets.pageAt(starts, 0)).isEqualTo(1);
    assertThat(PageOffsets.pageAt(starts, 9)).isEqualTo(1);
    assertThat(PageOffsets.pageAt(starts, 10)).isEqualTo(2);
    assertThat(PageOffsets.pageAt(starts, 24)).isEqualTo(2);
    assertThat(PageOffsets.pageAt(starts, 1000)).isEqualTo(3);
  }
}
