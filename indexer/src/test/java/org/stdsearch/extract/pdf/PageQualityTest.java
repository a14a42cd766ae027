package org.stdsearch.extract.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What makes a page's text layer unreadable, and what does not (issue 15). */
class PageQualityTest {
  @Test
  void chineseAndEnglishProseIsReadable() {
    String page = "本文件规定了密码应用标识的编码规则。The identifier is encoded in big-endian byte order. ".repeat(10);
    assertThat(PageQuality.count(page, page.length(), 0).unreadable()).isFalse();
  }

  @Test
  void accentedLettersOfFrenchAndGermanWordsAreNotMojibake() {
    String page = "Électrodes enrobées pour le soudage manuel à l'arc des aciers non alliés; "
        + "Prüfung der Schweißzusätze für Stähle mit größerer Festigkeit. ";
    PageQuality.Counts c = PageQuality.count(page.repeat(8), 0, 0);
    assertThat(c.mojibake()).isZero();
    assertThat(c.unreadable()).isFalse();
  }

  @Test
  void clustersOfLatin1CharactersAreMojibake() {
    String page = "¸ß¶È¹¤³Ì Ê¹ÓÃ·½·¨ ÃÜÂëËã·¨ ".repeat(10);
    PageQuality.Counts c = PageQuality.count(page, 0, 0);
    assertThat(c.mojibake()).isGreaterThan(c.visible() / 2);
    assertThat(c.unreadable()).isTrue();
    assertThat(c.kind()).contains("mojibake");
  }

  @Test
  void symbolFontOperatorsOfAFormulaPageAreReadable() {
    // Word writes the Symbol font's operators as U+F0xx: a formula page prints a few per line.
    String page = "设 P1 = (x1, y1)\uF0CEE(Fpm)\\{O}，且 x1 \uF0B9 x2，则 \uF06C = (y2 \uF02D y1)/(x2 \uF02D x1)。\n".repeat(12);
    assertThat(PageQuality.count(page, page.length(), 0).unreadable()).isFalse();
  }

  @Test
  void aPageOfSymbolFontCodesIsUnreadable() {
    StringBuilder page = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      page.append((char) (0xF021 + i % 90));
    }
    assertThat(PageQuality.count(page.toString(), 300, 0).unreadable()).isTrue();
  }

  @Test
  void glyphsWithoutUnicodeMapMakeAPageUnreadable() {
    PageQuality.Counts c = PageQuality.count("!\"#!\"$##!$# %&'()*+,-./", 400, 390);
    assertThat(c.unreadable()).isTrue();
    assertThat(c.kind()).isEqualTo("glyphs without Unicode mapping");
  }

  @Test
  void contentsLeadersCountAsOneMark() {
    String line = "ᆚⷕᴃ䇁" + ".".repeat(150) + "3\n";
    PageQuality.Counts c = PageQuality.count(line.repeat(6), 0, 0);
    assertThat(c.visible()).isLessThan(40);
    assertThat(c.unreadable()).isTrue();
  }

  @Test
  void aFewStrayGlyphsDoNotMakeAPageUnreadable() {
    String page = "Information security technology \uFFFD block cipher algorithm. ".repeat(3);
    assertThat(PageQuality.count(page, 0, 0).unreadable()).isFalse();
  }
}
