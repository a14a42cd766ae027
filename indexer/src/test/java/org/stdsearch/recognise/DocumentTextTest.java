package org.stdsearch.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DocumentTextTest {
  /** The rule {@link DocumentText#fold} applies to dashes, as a pattern: a dash between a number and a year. */
  private static final Pattern DASH_BEFORE_YEAR = Pattern.compile("(?<=\\d)[—–―－‒ˉ一](?=\\d{4}(?!\\d))");

  @Test
  void writesADashBeforeAYearAsAHyphen() {
    assertThat(DocumentText.fold("GB/T 32905一2016 信息安全技术 SM3")).isEqualTo("GB/T 32905-2016 信息安全技术 SM3");
    assertThat(DocumentText.fold("ＧＢ／Ｔ　２２２３９—２０１９")).isEqualTo("GB/T 22239-2019");
    assertThat(DocumentText.fold("第一章 共一2部分，12—345，7—20190")).isEqualTo("第一章 共一2部分,12—345,7—20190");
    assertThat(DocumentText.fold("1—2019")).isEqualTo("1-2019");
  }

  /** The fold writes dashes exactly where the pattern finds them, keeping every other character. */
  @Test
  void foldsDashesWhereThePatternFindsThem() {
    Random random = new Random(42);
    // Without the full-width forms, which the fold turns to ASCII before it looks for dashes.
    String alphabet = "0123456789—–―‒ˉ一-x 。";
    for (int n = 0; n < 20_000; n++) {
      String text = randomText(random, alphabet, 14);
      String expected = DASH_BEFORE_YEAR.matcher(text).replaceAll("-");
      assertThat(DocumentText.fold(text)).as(text).isEqualTo(expected);
    }
  }

  @Test
  void tellsHanFromOtherScripts() {
    assertThat("信息技术".codePoints().allMatch(DocumentText::isHan)).isTrue();
    assertThat(DocumentText.isHan(0x3400)).as("extension A").isTrue();
    assertThat(DocumentText.isHan(0x20000)).as("extension B").isTrue();
    assertThat(DocumentText.isHan(0x2E80)).as("radicals supplement").isTrue();
    assertThat(DocumentText.isHan('〇')).isTrue();
    assertThat("Aé١あアㄱ가。，".codePoints().noneMatch(DocumentText::isHan)).isTrue();
  }

  @Test
  void closesUpSpacedOutHanAndNothingElse() {
    assertThat(DocumentText.closeCjkSpacing(" 中 华 人 民 共 和 国 国 家 标 准 ")).isEqualTo("中华人民共和国国家标准");
    assertThat(DocumentText.closeCjkSpacing("信息技术 云计算 参考架构")).isEqualTo("信息技术 云计算 参考架构");
    assertThat(DocumentText.closeCjkSpacing("  Information technology  ")).isEqualTo("Information technology");
    // the same as the pattern alone on every line, with or without Han characters
    Random random = new Random(7);
    String alphabet = "发布中 　xA1\t国";
    for (int n = 0; n < 20_000; n++) {
      String line = randomText(random, alphabet, 12);
      String expected = DocumentText.SPACED_HAN.matcher(line).replaceAll("").strip();
      assertThat(DocumentText.closeCjkSpacing(line)).as(line).isEqualTo(expected);
    }
  }

  /** Up to {@code maxLength - 1} characters drawn from {@code alphabet}. */
  private static String randomText(Random random, String alphabet, int maxLength) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(maxLength); i > 0; i--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
