package org.stdsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stdsearch.recognise.RecognisedStandard.Clause;

class ClauseSpansTest {
  private static final List<Clause> CLAUSES = List.of(
      new Clause("1", "范围", 10, 200, 1, 1),
      new Clause("4", "要求", 900, 5000, 2, 3),
      new Clause("4.2", "访问控制", 1500, 2100, 2, 2),
      new Clause("A.1", "Annex", 5000, 0, 4, 4));

  @Test
  void spansSurviveTheRoundTripWithoutHeadingsOrPages() {
    assertThat(ClauseSpans.decode(ClauseSpans.encode(CLAUSES))).containsExactly(
        new ClauseSpans.Span("1", 10, 200), new ClauseSpans.Span("4", 900, 5000),
        new ClauseSpans.Span("4.2", 1500, 2100), new ClauseSpans.Span("A.1", 5000, 0));
    assertThat(ClauseSpans.decode(ClauseSpans.encode(List.of()))).isEmpty();
    assertThat(ClauseSpans.decode(null)).isEmpty();
  }

  @Test
  void anOffsetIsInTheInnermostOpenClause() {
    List<ClauseSpans.Span> spans = ClauseSpans.decode(ClauseSpans.encode(CLAUSES));
    assertThat(ClauseSpans.clauseAt(spans, 5)).isNull(); // before the first clause (the cover)
    assertThat(ClauseSpans.clauseAt(spans, 150)).isEqualTo("1");
    assertThat(ClauseSpans.clauseAt(spans, 500)).isNull(); // between clause 1 and 4
    assertThat(ClauseSpans.clauseAt(spans, 1600)).isEqualTo("4.2");
    assertThat(ClauseSpans.clauseAt(spans, 2500)).isEqualTo("4"); // 4.2 has ended
    assertThat(ClauseSpans.clauseAt(spans, 90_000)).isEqualTo("A.1"); // open to the end
  }
}
