package org.stdsearch.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierParserFindAllTest {

  private static List<String> found(String text) {
    return IdentifierParser.findAll(text).stream()
        .map(m -> m.identifier().canonical())
        .toList();
  }

  @Test
  void findsIdentifierAndReplacedEditionOnGbCover() {
    String cover = "ICS 35.040\nL 80\n中华人民共和国国家标准\nGB/T 35273—2020\n代替 GB/T 35273—2017\n"
        + "信息安全技术 个人信息安全规范\nInformation security technology—Personal information "
        + "security specification\n2020-03-06 发布 2020-10-01 实施\n国家市场监督管理总局 发布";

    List<IdentifierMatch> matches = IdentifierParser.findAll(cover);

    assertThat(matches).extracting(m -> m.identifier().canonical())
        .containsExactly("GB/T 35273-2020", "GB/T 35273-2017");
    IdentifierMatch first = matches.getFirst();
    assertThat(cover.substring(first.start(), first.end())).isEqualTo("GB/T 35273—2020");
  }

  @Test
  void findsEveryNormativeReference() {
    String clause = """
        2 规范性引用文件
        下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，\
        仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。
        GB/T 22239—2019 信息安全技术 网络安全等级保护基本要求
        GB/T 25069 信息安全技术 术语
        GB/T 32918.2-2016 信息安全技术 SM2椭圆曲线公钥密码算法 第2部分：数字签名算法
        GM/T 0009—2012 SM2密码算法使用规范
        ISO/IEC 27001:2013/Cor 1:2014 Information technology
        IETF RFC 5246 The Transport Layer Security (TLS) Protocol Version 1.2
        3 术语和定义
        3.1 个人信息 见 4.2.1 和 表 2，第 12 页。
        """;

    assertThat(found(clause)).containsExactly("GB/T 22239-2019", "GB/T 25069",
        "GB/T 32918.2-2016", "GM/T 0009-2012", "ISO/IEC 27001:2013/Cor 1:2014", "RFC 5246");
  }

  @Test
  void findsRfcAndStdInRfcHeaderButNotBareObsoletedNumbers() {
    String header = """
        Internet Engineering Task Force (IETF)                  R. Fielding, Ed.
        Request for Comments: 9110                                         Adobe
        STD: 97                                               M. Nottingham, Ed.
        Obsoletes: 2616, 7230                                             Fastly
        Category: Standards Track                                      June 2022
        ISSN: 2070-1721
        """;

    assertThat(found(header)).containsExactly("RFC 9110", "STD 97");
    assertThat(IdentifierParser.rfcList("2616, 7230")).extracting(StandardIdentifier::canonical)
        .containsExactly("RFC 2616", "RFC 7230");
  }

  @Test
  void findsInternationalIdentifiersInEnglishProse() {
    String text = "This document (see [RFC9110] and BCP 14) follows ITU-T X.690 (07/2002) | "
        + "ISO/IEC 8825-1, IEEE Std 802.11ax-2021 and ETSI EN 303 645 V2.1.1 (2020-06); "
        + "DIN EN ISO 13849-1:2008-12 adopts ISO 13849-1. GB/T 22080-2016/ISO/IEC 27001:2013.";

    assertThat(found(text)).containsExactly("RFC 9110", "BCP 14", "ITU-T X.690 (07/2002)",
        "ISO/IEC 8825-1", "IEEE Std 802.11ax-2021", "ETSI EN 303 645 V2.1.1 (2020-06)",
        "DIN EN ISO 13849-1:2008-12", "ISO 13849-1", "GB/T 22080-2016", "ISO/IEC 27001:2013");
  }

  @Test
  void ignoresDatesClausesVersionsAndLookalikes() {
    String text = """
        发布日期 2020-03-06，实施日期 2020-10-01。见 4.2.1、A.3 和第 12 页。
        TLS 1.3, HTTP/1.1, version 2.1.1, ISO-8859-1 charset, 8 GB 2400 MHz memory,
        the rfc 9110 lower-case mention, GMT 0800 time zone, JT 808 without slash, W3C WebDriver,
        XGB/T 1234, GB/T 35273-20201, ICS 35.040, CCS L 80, iso 9001, IEEE Transactions 2020.
        """;

    assertThat(found(text)).isEmpty();
  }

  @Test
  void reportsOffsetsInTheOriginalTextWithFullWidthCharacters() {
    String text = "依据ＧＢ／Ｔ　３５２７３－２０２０。";

    IdentifierMatch match = IdentifierParser.findAll(text).getFirst();

    assertThat(match.identifier().canonical()).isEqualTo("GB/T 35273-2020");
    assertThat(text.substring(match.start(), match.end())).isEqualTo("ＧＢ／Ｔ　３５２７３－２０２０");
  }

  @Test
  void scansFiveMegabytesOfMixedTextInOnePass() {
    String block = "ICS 35.040 中华人民共和国国家标准 GB/T 35273—2020 代替 GB/T 35273—2017。"
        + "第 4.2.1 条，2020-03-06 发布。The Transport Layer Security (TLS) Protocol, see RFC 8446 "
        + "and ISO/IEC 27001:2022. Version 2.1.1 of the GMT clock at 12:00; 8 GB RAM. "
        + "1111111111111111111111 GBGBGBGB ISOISOISO ----- ...... 信息安全技术个人信息安全规范\n";
    int copies = 5_000_000 / block.length() + 1;
    String text = block.repeat(copies);

    long t0 = System.nanoTime();
    List<IdentifierMatch> matches = IdentifierParser.findAll(text);
    long millis = (System.nanoTime() - t0) / 1_000_000;

    System.out.printf("findAll: %,d chars, %,d identifiers, %d ms%n", text.length(),
        matches.size(), millis);
    assertThat(matches).hasSize(4 * copies);
  }
}
