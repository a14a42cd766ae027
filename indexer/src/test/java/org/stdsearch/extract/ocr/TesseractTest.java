package org.stdsearch.extract.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Detection of the tesseract command and the tidying of its output. */
class TesseractTest {
  @Test
  void reportsAMissingCommandAsNotInstalled() {
    Tesseract.Installation missing = new Tesseract("/nonexistent/tesseract-for-test").detect("chi_sim+eng");

    assertThat(missing.available()).isFalse();
    assertThat(missing.problem()).isEqualTo("tesseract not installed");
  }

  @Test
  void removesSpacesBetweenChineseCharactersButNotBetweenLatinWords() {
    assertThat(Tesseract.clean("信 息 安 全 技 术 ， SM3 密 码\n\n\n\nHost  Ports \f"))
        .isEqualTo("信息安全技术， SM3 密码\n\nHost  Ports");
  }
}
