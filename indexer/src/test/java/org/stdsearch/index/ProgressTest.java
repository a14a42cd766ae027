package org.stdsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The OCR pass's log line tells its rate and the time left (issue 15). */
class ProgressTest {
  @Test
  void tellsPagesPerSecondAndTheTimeLeft() {
    assertThat(Progress.rate(4, 10_000_000_000L, 26)).isEqualTo(", 0.40 pages/s, about 1 min left");
    assertThat(Progress.rate(120, 300_000_000_000L, 3000)).isEqualTo(", 0.40 pages/s, about 2 h 05 min left");
    assertThat(Progress.rate(10, 5_000_000_000L, 10)).isEqualTo(", 2.00 pages/s, about 5 s left");
  }

  @Test
  void saysNothingBeforeAPageIsDone() {
    assertThat(Progress.rate(0, 5_000_000_000L, 10)).isEmpty();
  }
}
