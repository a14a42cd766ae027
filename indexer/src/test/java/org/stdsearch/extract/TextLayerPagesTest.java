package org.stdsearch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import org.stdsearch.extract.pdf.FounderLatin;
import org.stdsearch.extract.pdf.TextLayerPages;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages whose font has no usable Unicode map are unreadable, their soup never reaches the index
 * and the document is not {@code ok} (issue 15: JT/T 808-2019, GB/T 38636-2020 and GM/Z
 * 0001-2013 were indexed {@code ok} with soup). PDFs built here with broken maps, parsed by the
 * production Tika extraction in-process.
 */
class TextLayerPagesTest {
  private static final String[][] PAGES = {
    {"GB/T 99002-2024", "信息安全技术 密码应用标识规范", "本文件规定了密码应用标识的编码规则和表示方法。",
        "标识用于在密码应用中区分算法、协议和数据格式。"},
    {"1 范围", "本文件适用于密码产品的研制、检测和使用。", "密钥管理应满足国家密码标准的要求。",
        "标识由类型、长度和值三部分组成，按大端字节序编码。"},
    {"2 规范性引用文件", "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。",
        "GB/T 32905 信息安全技术 SM3密码杂凑算法", "GB/T 32918 信息安全技术 SM2椭圆曲线公钥密码算法"}
  };

  @TempDir static Path dir;
  static TikaExtractor tika;

  @BeforeAll
  static void start() {
    ExtractionLimits limits = ExtractionLimits.defaults();
    tika = new TikaExtractor(TikaConfig.getDefaultConfig(), limits.maxChars(), limits.garbledShare());
  }

  @Test
  void readsAPdfWithCorrectMapsAsOk() throws Exception {
    ParseOutcome o = tika.parse(BrokenFontPdf.write(dir.resolve("clean.pdf"), PAGES, BrokenFontPdf.Breakage.NO_MAP));

    assertThat(o.status()).isEqualTo(ExtractionStatus.OK);
    assertThat(o.text()).contains("密钥管理应满足国家密码标准的要求");
    assertThat(o.metadata()).doesNotContainKey(TextLayerPages.UNREADABLE_PAGES);
  }

  @Test
  void dropsThePagesOfAFontWithoutUnicodeMapAndSaysWhich() throws Exception {
    ParseOutcome o = tika.parse(BrokenFontPdf.write(dir.resolve("nomap.pdf"), PAGES, BrokenFontPdf.Breakage.NO_MAP, 2));

    assertThat(o.status()).isEqualTo(ExtractionStatus.GARBLED);
    assertThat(o.reason()).contains("unreadable on 1 of 3 pages").contains("pages 2");
    assertThat(o.metadata().get(TextLayerPages.UNREADABLE_PAGES)).containsExactly("2");
    assertThat(o.pageStarts()).hasSize(3);
    assertThat(pageText(o, 1)).contains("密码应用标识规范");
    assertThat(pageText(o, 2)).isBlank();
    assertThat(pageText(o, 3)).contains("规范性引用文件");
  }

  @Test
  void judgesLatin1MojibakeUnreadable() throws Exception {
    ParseOutcome o = tika.parse(BrokenFontPdf.write(dir.resolve("latin1.pdf"), PAGES,
        BrokenFontPdf.Breakage.LATIN1, 1, 2, 3));

    assertThat(o.status()).isEqualTo(ExtractionStatus.GARBLED);
    assertThat(o.reason()).contains("unreadable on 3 of 3 pages").contains("mojibake");
    assertThat(o.text()).doesNotContain("¹").isBlank();
  }

  @Test
  void judgesGlyphNumbersReadAsCharactersUnreadable() throws Exception {
    ParseOutcome o = tika.parse(BrokenFontPdf.write(dir.resolve("glyphs.pdf"), PAGES,
        BrokenFontPdf.Breakage.GLYPH_NUMBER, 3));

    assertThat(o.status()).isEqualTo(ExtractionStatus.GARBLED);
    assertThat(o.metadata().get(TextLayerPages.UNREADABLE_PAGES)).containsExactly("3");
    assertThat(o.reason()).contains("glyph numbers");
  }

  @Test
  void readsFounderLatinLettersAsAscii() {
    String page = "犌犅／犜３８６３６—２０２０\n信息安全技术　传输层密码协议（犜犔犆犘）";
    TextLayerPages.Judged j = TextLayerPages.judge(page, List.of(0), Map.of());

    assertThat(j.unreadable()).isEmpty();
    assertThat(j.text()).isEqualTo("GB／T３８６３６—２０２０\n信息安全技术　传输层密码协议（TLCP）");
  }

  @Test
  void leavesARareCharacterAloneWhereThePageHasNoFounderFont() {
    assertThat(FounderLatin.repairPage("犀牛与犅")).isEqualTo("犀牛与犅");
  }

  @Test
  void pageRangesRoundTrip() {
    assertThat(TextLayerPages.ranges(List.of(1, 3, 4, 5, 9))).isEqualTo("1, 3-5, 9");
    assertThat(TextLayerPages.parseRanges("1, 3-5, 9")).containsExactly(1, 3, 4, 5, 9);
    assertThat(TextLayerPages.parseRanges("x, 2")).containsExactly(2);
  }

  private static String pageText(ParseOutcome o, int page) {
    int start = o.pageStarts().get(page - 1);
    int end = page < o.pageStarts().size() ? o.pageStarts().get(page) : o.text().length();
    return o.text().substring(start, end);
  }
}
