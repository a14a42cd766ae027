package org.stdsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassagesTest {

  @Test
  void passagesCoverTheTextAndNeverCrossAPageOrAClause() {
    String page1 = "前言\n1 范围\n本文件规定了要求。\n";
    String page2 = "2 术语\n2.1 密钥 key\n定义。\n3 要求\n" + "内容".repeat(900) + "\n";
    String text = page1 + page2;
    int p2 = page1.length();
    int c1 = text.indexOf("1 范围");
    int c2 = text.indexOf("2 术语");
    int c21 = text.indexOf("2.1 密钥");
    int c3 = text.indexOf("3 要求");
    List<Passages.ClauseSpan> clauses = List.of(new Passages.ClauseSpan("1", c1, c2),
        new Passages.ClauseSpan("2", c2, c3), new Passages.ClauseSpan("2.1", c21, c3),
        new Passages.ClauseSpan("3", c3, 0));
    List<Passages.Passage> passages = Passages.split(text, List.of(0, p2), clauses);

    StringBuilder joined = new StringBuilder();
    for (Passages.Passage p : passages) {
      assertThat(p.start()).isEqualTo(joined.length());
      joined.append(p.text());
      assertThat(p.text().length()).isLessThanOrEqualTo(Passages.MAX_CHARS);
      assertThat(p.page()).isEqualTo(p.start() < p2 ? 1 : 2);
      assertThat(p.clause()).isEqualTo(Passages.clauseAt(clauses, p.start()));
      int end = p.start() + p.text().length();
      for (int boundary : List.of(p2, c1, c2, c21, c3)) {
        assertThat(boundary <= p.start() || boundary >= end).as("boundary %d inside %s", boundary, p).isTrue();
      }
    }
    assertThat(joined.toString()).isEqualTo(text);
    assertThat(passages).filteredOn(p -> "2.1".equals(p.clause())).singleElement()
        .satisfies(p -> assertThat(p.text()).startsWith("2.1 密钥"));
    assertThat(passages).filteredOn(p -> "3".equals(p.clause())).hasSizeGreaterThan(1);
    assertThat(passages.get(0).clause()).isNull();
  }

  @Test
  void withoutPageStartsThereIsNoPage() {
    assertThat(Passages.split("short text", List.of(), List.of())).singleElement().satisfies(p -> {
      assertThat(p.page()).isNull();
      assertThat(p.text()).isEqualTo("short text");
    });
    assertThat(Passages.split("", List.of(0), List.of())).isEmpty();
  }
}
