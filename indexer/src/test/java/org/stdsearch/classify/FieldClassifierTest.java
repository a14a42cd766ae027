package org.stdsearch.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldClassifierTest {

  private static final FieldClassifier CLASSIFIER = new FieldClassifier(Taxonomy.bundled());

  private static List<String> fields(ClassificationInput in) {
    return CLASSIFIER.classify(in).stream().map(FieldAssignment::fieldId).toList();
  }

  private static List<String> title(String title) {
    return fields(ClassificationInput.ofTitle(title));
  }

  private static ClassificationInput codes(List<String> ics, List<String> ccs) {
    return new ClassificationInput("", "", "", ics, ccs, List.of());
  }

  @Test
  void chineseCryptographyTitleIsCryptography() {
    assertThat(title("信息安全技术 SM2椭圆曲线公钥密码算法")).first().isEqualTo("cit.sec.crypto");
    assertThat(title("GM/T 0002-2012 SM4分组密码算法")).containsExactly("cit.sec.crypto");
  }

  @Test
  void httpTitleIsNextGenerationInternet() {
    assertThat(title("Hypertext Transfer Protocol (HTTP/1.1)")).containsExactly("cit.ni");
    assertThat(title("Internet Protocol, Version 6 (IPv6) Specification")).containsExactly("cit.ni");
  }

  @Test
  void generativeAiServiceSecurityTitleIsGenerativeAi() {
    assertThat(title("人工智能 生成式人工智能服务安全基本要求")).first().isEqualTo("cit.ai.gen");
    assertThat(title("Artificial intelligence — Guidance on large language models")).first().isEqualTo("cit.ai.gen");
  }

  @Test
  void fieldsAcrossTheTaxonomyFromTitles() {
    assertThat(title("信息安全技术 网络安全等级保护基本要求")).containsExactly("cit.sec");
    assertThat(title("智能网联汽车 自动驾驶功能场地试验方法")).containsExactly("id.trans");
    assertThat(title("数据中心设计规范")).containsExactly("di.cp.dc");
    assertThat(title("Web Content Accessibility Guidelines (WCAG) 2.2")).containsExactly("ps.access");
    assertThat(title("信息安全技术 个人信息安全规范")).first().isEqualTo("dr.sec");
    assertThat(title("工业互联网平台 企业上云实施指南")).first().isEqualTo("id.iiot");
    assertThat(title("区块链和分布式记账技术 术语")).containsExactly("cit.bc");
    assertThat(title("智慧城市 数据融合 第1部分：概念模型")).first().isEqualTo("ps.city");
  }

  @Test
  void unrelatedTextGetsNoField() {
    assertThat(fields(new ClassificationInput("", "Cereals and pulses — Specifications and test methods — Rice",
        "This document specifies minimum requirements and test methods for rice (Oryza sativa L.). "
            + "It is applicable to husked rice and milled rice, parboiled or not, intended for human consumption.",
        List.of("67.060"), List.of(), List.of("husked rice", "milled rice")))).isEmpty();
    assertThat(title("钢筋混凝土用热轧带肋钢筋")).isEmpty();
    assertThat(fields(codes(List.of(), List.of()))).isEmpty();
  }

  @Test
  void icsCodeAloneAssignsItsField() {
    assertThat(fields(codes(List.of("35.240.80"), List.of()))).containsExactly("ps.health");
    assertThat(fields(codes(List.of("35.040"), List.of()))).containsExactly("cit.sec");
    assertThat(fields(codes(List.of("33.180.10"), List.of()))).containsExactly("di.net.optical");
  }

  @Test
  void mostSpecificIcsPrefixWins() {
    // 35.040 is security techniques in Chinese standards, but 35.040.10 is character sets.
    assertThat(fields(codes(List.of("35.040.10"), List.of()))).containsExactly("dc.lang");
    // Prefixes end at a dot: 35.04 is not a prefix of 35.040.
    assertThat(fields(codes(List.of("35.0401"), List.of()))).isEmpty();
  }

  @Test
  void ccsCodeAssignsItsField() {
    assertThat(fields(codes(List.of(), List.of("L80")))).containsExactly("cit.sec");
  }

  @Test
  void parentIsNotReturnedWithItsChild() {
    List<String> ids = title("信息安全技术 密码应用标识规范");
    assertThat(ids).contains("cit.sec.crypto").doesNotContain("cit.sec", "cit");
  }

  @Test
  void titleWeighsMoreThanBody() {
    String body = "The server encrypts the cookie. " + "Requests carry a URL and headers. ".repeat(3);
    List<FieldAssignment> out = CLASSIFIER.classify(
        new ClassificationInput("", "HTTP State Management Mechanism", body, List.of(), List.of(), List.of()));
    assertThat(out).extracting(FieldAssignment::fieldId).containsExactly("cit.ni");
  }

  @Test
  void bodyAloneCanAssignAField() {
    String body = "This specification defines a block cipher. Encryption and decryption use a 128-bit key. "
        + "The cipher resists differential cryptanalysis. ".repeat(3);
    assertThat(fields(new ClassificationInput("", "", body, List.of(), List.of(), List.of())))
        .containsExactly("cit.sec.crypto");
  }

  @Test
  void foldsCaseFullWidthPluralsAndSpacedChinese() {
    assertThat(title("ＩＰＶ６ ADDRESSING ARCHITECTURE")).containsExactly("cit.ni");
    assertThat(title("Testing of Integrated Circuits")).containsExactly("cit.ic");
    assertThat(title("信 息 安 全 技 术  椭 圆 曲 线 公 钥 密 码")).first().isEqualTo("cit.sec.crypto");
  }

  @Test
  void englishKeywordsMatchWholeWordsOnly() {
    // "ai" must not fire inside "maintain" or "said", nor "iot" inside "idiot".
    assertThat(title("Guidelines to maintain what was said about the idiot")).isEmpty();
  }

  @Test
  void confidencesAreSortedAndBounded() {
    List<FieldAssignment> out = CLASSIFIER.classify(ClassificationInput.ofTitle(
        "GM/T 0035.2-2014 射频识别系统密码应用技术要求 第2部分：电子标签芯片密码应用技术要求"));
    assertThat(out).isNotEmpty();
    assertThat(out).allSatisfy(a -> assertThat(a.confidence()).isBetween(0.0, 1.0));
    assertThat(out).isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
    assertThat(out).extracting(FieldAssignment::fieldId).contains("cit.sec.crypto", "di.net.iot");
  }

  @Test
  void readsOnlyTheBeginningOfALongBody() {
    // Speed is measured in the benchmarks, not asserted here; what a unit test can pin is that a
    // keyword deep in a long body does not count: only the first 20k characters are read.
    String filler = "与主题无关的文字 unrelated words. ".repeat(2000);
    ClassificationInput in = new ClassificationInput(null, null, filler + " 区块链 区块链 区块链 blockchain ledger",
        List.of(), List.of(), List.of());
    assertThat(filler.length()).isGreaterThan(20_000);
    assertThat(CLASSIFIER.classify(in)).isEmpty();
  }
}
