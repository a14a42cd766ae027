package org.stdsearch.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.extract.ExtractionStatus;

class StandardRecogniserTest {
  private final StandardRecogniser recogniser = new StandardRecogniser();

  private static final String GB_COVER = """
      ICS35.040
      L80
      中 华 人 民 共 和 国 国 家 标 准
      GB/T32918.2—2016
      代替 GB/T 20000-2008、GB/T 20001-2009
      信息安全技术 SM2椭圆曲线公钥
      密码算法 第2部分:数字签名算法
      Information security technology—Public key cryptographic algorithm SM2
      based on elliptic curves—Part 2: Digital signature algorithm
      2016-08-29发布 2017-03-01实施
      中华人民共和国国家质量监督检验检疫总局
      中 国 国 家 标 准 化 管 理 委 员 会
      发 布
      """;

  private static final String GB_BODY = """
      目  次
      1 范围 1………………………………………………
      2 规范性引用文件 1…………………………………
      3 术语和定义 1……………………………………
      1 范围
      本部分规定了数字签名算法。
      2 规范性引用文件
      下列文件对于本文件的应用是必不可少的。
      GB/T 32918.1-2016 信息安全技术 SM2椭圆曲线公钥密码算法 第1部分:总则
      3 术语和定义
      下列术语和定义适用于本文件。
      3.1
      消息 message
      待签名的比特串。
      3.2
      签名消息 signed message
      由消息以及该消息的数字签名构成的一组元素。
      4 符号
      下列符号适用于本部分。
      """;

  @Test
  void aCopyWithoutCoverPageEndsItsTitleBlockAtClauseOne() {
    String text = """
        YD/T 9999-2024
        移动通信网络 终端 远程接口技术要求

        1 范围
        本文件规定了终端远程接口的功能。

        3 术语和定义
        3.1
        远程接口 remote interface
        通过网络对终端进行配置的接口。
        """;
    RecognisedStandard r = recogniser.recognise(document("cn/y.txt", text, List.of(0), Map.of()), null, Sidecars.none());
    assertThat(r.identifier()).isEqualTo("YD/T 9999-2024");
    assertThat(r.titleZh()).isEqualTo("移动通信网络 终端 远程接口技术要求");
    assertThat(r.titleEn()).as("a term entry below clause 1 is no English title").isNull();
  }

  @Test
  void readsTheCoverOfAChineseNationalStandard() {
    ExtractedDocument doc = document("cn/x.pdf", GB_COVER + GB_BODY, List.of(0, GB_COVER.length()), Map.of());
    RecognisedStandard r = recogniser.recognise(doc, null, Sidecars.none());
    assertThat(r.identifier()).isEqualTo("GB/T 32918.2-2016");
    assertThat(r.family()).isEqualTo("GB/T");
    assertThat(r.kind()).isEqualTo("recommended");
    assertThat(r.level()).isEqualTo("national");
    assertThat(r.ics()).containsExactly("35.040");
    assertThat(r.ccs()).containsExactly("L80");
    assertThat(r.titleZh()).isEqualTo("信息安全技术 SM2椭圆曲线公钥密码算法 第2部分:数字签名算法");
    assertThat(r.titleEn()).startsWith("Information security technology—Public key");
    assertThat(r.published()).isEqualTo(LocalDate.of(2016, 8, 29));
    assertThat(r.implemented()).isEqualTo(LocalDate.of(2017, 3, 1));
    assertThat(r.year()).isEqualTo(2016);
    assertThat(r.issuers()).containsExactly("中华人民共和国国家质量监督检验检疫总局", "中国国家标准化管理委员会");
    assertThat(r.replaces()).hasSize(2);
    assertThat(r.language()).isEqualTo("zh");
  }

  @Test
  void skipsTableOfContentsAndFindsClausesTermsAndNormativeReferences() {
    ExtractedDocument doc = document("cn/x.pdf", GB_COVER + GB_BODY, List.of(0, GB_COVER.length()), Map.of());
    RecognisedStandard r = recogniser.recognise(doc, null, Sidecars.none());
    assertThat(r.clauses()).extracting(RecognisedStandard.Clause::number)
        .containsExactly("1", "2", "3", "4"); // term entries are terms, not clauses
    assertThat(r.clauses().get(0).heading()).isEqualTo("范围");
    assertThat(r.clauses().get(0).pageFrom()).isEqualTo(2);
    assertThat(r.terms()).extracting(RecognisedStandard.TermEntry::termZh).containsExactly("消息", "签名消息");
    assertThat(r.terms().get(0).termEn()).isEqualTo("message");
    assertThat(r.terms().get(0).definition()).isEqualTo("待签名的比特串。");
    assertThat(r.references()).anySatisfy(ref -> {
      assertThat(ref.identifier()).contains("32918.1");
      assertThat(ref.normative()).isTrue();
    });
    assertThat(r.references()).noneMatch(ref -> ref.identifier().contains("32918.2"));
  }

  @Test
  void readsTheHeaderOfAnRfc() {
    String text = """
        Internet Engineering Task Force (IETF)                  R. Fielding, Ed.
        Request for Comments: 9110                                         Adobe
        STD: 97                                               M. Nottingham, Ed.
        Obsoletes: 2818, 7230, 7231, 7232, 7233, 7235,                    Fastly
                   7538, 7615, 7694                              J. Reschke, Ed.
        Updates: 3864                                                 greenbytes
        Category: Standards Track                                      June 2022
        ISSN: 2070-1721


                                     HTTP Semantics

        Abstract

           The Hypertext Transfer Protocol (HTTP) is a stateless protocol.
        """;
    RecognisedStandard r = recogniser.recognise(document("rfc/rfc9110.txt", text, List.of(0), Map.of()), null, Sidecars.none());
    assertThat(r.identifier()).isEqualTo("RFC 9110");
    assertThat(r.titleEn()).isEqualTo("HTTP Semantics");
    assertThat(r.year()).isEqualTo(2022);
    assertThat(r.replaces()).hasSize(9);
    assertThat(r.issuers()).containsExactly("IETF");
    assertThat(r.language()).isEqualTo("en");
  }

  @Test
  void readsStsMetadataAndTbxTermsNatively(@TempDir Path dir) throws Exception {
    Path xml = dir.resolve("iso.xml");
    Files.writeString(xml, """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE standard SYSTEM "http://example.invalid/never-fetched.dtd">
        <standard xmlns:tbx="urn:iso:std:iso:30042:ed-1" xml:lang="en"><front><iso-meta>
          <title-wrap xml:lang="en"><intro>Cereals and pulses</intro><main>Specifications</main>
            <compl>Part 1: Rice</compl></title-wrap>
          <std-ident><originator>ISO</originator><doc-number>17301</doc-number><part-number>1</part-number></std-ident>
          <std-ref type="undated">ISO 17301-1</std-ref><std-ref type="dated">ISO 17301-1:2016</std-ref>
          <pub-date>2016-05-01</pub-date><comm-ref>ISO/TC 34/SC 4</comm-ref><ics>67.060</ics>
          <std-xref type="replaces"><std-ref>ISO 17301-1:2009</std-ref></std-xref>
        </iso-meta></front><body><sec><label>3</label><title>Terms and definitions</title>
          <term-sec><label>3.1</label><tbx:termEntry id="t1"><tbx:langSet xml:lang="en">
            <tbx:definition>grain of rice</tbx:definition><tbx:tig><tbx:term>kernel</tbx:term></tbx:tig>
          </tbx:langSet></tbx:termEntry></term-sec></sec></body></standard>
        """);
    ExtractedDocument doc = document("sts/iso.xml", "Cereals and pulses", List.of(0), Map.of());
    RecognisedStandard r = recogniser.recognise(doc, xml, Sidecars.none());
    assertThat(r.identifier()).isEqualTo("ISO 17301-1:2016");
    assertThat(r.titleEn()).isEqualTo("Cereals and pulses — Specifications — Part 1: Rice");
    assertThat(r.published()).isEqualTo(LocalDate.of(2016, 5, 1));
    assertThat(r.ics()).containsExactly("67.060");
    assertThat(r.issuers()).containsExactly("ISO", "ISO/TC 34/SC 4");
    assertThat(r.replaces()).hasSize(1);
    assertThat(r.terms()).containsExactly(new RecognisedStandard.TermEntry(null, "kernel", "grain of rice", "3.1"));
  }

  /** Issue 15: an STS sample binds neither tbx: nor the ISO entities; its DTD would have. */
  @Test
  void readsStsThatLeansOnItsUnreadDtd(@TempDir Path dir) throws Exception {
    Path xml = dir.resolve("sample.xml");
    Files.writeString(xml, """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE standard SYSTEM "../ISOSTS.dtd">
        <standard><front><iso-meta><title-wrap xml:lang="en"><intro>Welding consumables</intro>
          <main>Covered electrodes</main><full>Welding consumables &mdash; Covered electrodes</full></title-wrap>
          <std-ref type="dated">ISO 2560:2009</std-ref></iso-meta></front>
        <body><term-sec><label>2.4</label><tbx:termEntry><tbx:langSet xml:lang="en">
          <tbx:definition>element within a line</tbx:definition><tbx:tig><tbx:term>inline element</tbx:term></tbx:tig>
        </tbx:langSet></tbx:termEntry></term-sec></body></standard>
        """);
    ExtractedDocument doc = document("sts/sample.xml", "Welding consumables", List.of(0), Map.of());
    RecognisedStandard r = recogniser.recognise(doc, xml, Sidecars.none());
    assertThat(r.identifier()).isEqualTo("ISO 2560:2009");
    assertThat(r.titleEn()).isEqualTo("Welding consumables — Covered electrodes");
    assertThat(r.terms()).containsExactly(
        new RecognisedStandard.TermEntry(null, "inline element", "element within a line", "2.4"));
  }

  @Test
  void sidecarOverridesWhatTheDocumentSays(@TempDir Path dir) throws Exception {
    Path pdf = dir.resolve("GB_T_32918.2-2016.pdf");
    Files.writeString(pdf, "");
    Files.writeString(dir.resolve("GB_T_32918.2-2016.pdf.meta.json"), """
        {"title_zh": "改过的标题", "status": "Withdrawn", "fields": ["crypto"], "published": "2016-09-01"}
        """);
    Files.writeString(dir.resolve("catalog.csv"), "path,ics,identifier\nGB_T_32918.2-2016.pdf,35.040;35.030,GB/T 32918.2-2016\n");
    Sidecars sidecars = Sidecars.load(dir);
    ExtractedDocument doc = document("GB_T_32918.2-2016.pdf", GB_COVER, List.of(0), Map.of());
    RecognisedStandard r = recogniser.recognise(doc, pdf, sidecars);
    assertThat(r.titleZh()).isEqualTo("改过的标题");
    assertThat(r.declaredStatus()).isEqualTo("withdrawn");
    assertThat(r.declaredFields()).containsExactly("crypto");
    assertThat(r.published()).isEqualTo(LocalDate.of(2016, 9, 1));
    assertThat(r.ics()).containsExactly("35.040", "35.030");
    assertThat(sidecars.fingerprint(pdf)).isNotEmpty();
  }

  @Test
  void fallsBackToTheFileNameWhenTheTextSaysNothing() {
    ExtractedDocument doc = document("cn/GB_T_32918.2-2016.pdf", "", List.of(0), Map.of());
    RecognisedStandard r = recogniser.recognise(doc, null, Sidecars.none());
    assertThat(r.identifier()).isEqualTo("GB/T 32918.2-2016");
    assertThat(r.year()).isEqualTo(2016);
  }

  @Test
  void repairsFounderLatinGlyphsOnCovers() {
    assertThat(DocumentText.fold("犌犅／犜３８６３６—２０２０")).isEqualTo("GB/T38636-2020");
  }

  /**
   * A scanned cover as Tesseract reads it (GM/T 0031-2014 of the shared corpus): the dash before
   * the year comes out as the Han numeral 一, and the identifier line before the banner above it.
   */
  @Test
  void readsTheOcrTextOfAScannedCover() {
    String ocr = """
        ICS 35.040
        L 80
        备案号;44632一2014

        GM/T 0031一2014

            中华人民共和国密码行业标准

        =

        安全电子签章密码技术规范

        Secure electronic seal cryptography technical specification

        2014-02-13 发布                                             2014-02-13 实施

        国家密码管理局发布
        """;
    RecognisedStandard r = recogniser.recognise(document("cover.pdf", ocr, List.of(0), Map.of()), null,
        Sidecars.none());
    assertThat(r.identifier()).isEqualTo("GM/T 0031-2014");
    assertThat(r.titleZh()).isEqualTo("安全电子签章密码技术规范");
    assertThat(r.titleEn()).isEqualTo("Secure electronic seal cryptography technical specification");
    assertThat(r.published()).isEqualTo(LocalDate.of(2014, 2, 13));
  }

  @Test
  void keepsLatinNamesInTheChineseTitle() {
    String cover = """
        中华人民共和国密码行业标准
        GM/T 0023—2014
        IPSec VPN 网关产品规范
        IPSec VPN gateway product specification
        2014-02-13 发布 2014-02-13 实施
        国家密码管理局 发布
        """;
    RecognisedStandard r = recogniser.recognise(document("cover.pdf", cover, List.of(0), Map.of()), null,
        Sidecars.none());
    assertThat(r.titleZh()).isEqualTo("IPSec VPN 网关产品规范");
    assertThat(r.titleEn()).isEqualTo("IPSec VPN gateway product specification");
  }

  /** Scans carry their cover read twice (300 dpi, and 150 where large title type reads better). */
  @Test
  void takesTheCoverTitleFromTheCleanerOfTwoReadings() {
    String garbled = """
        中华人民共和国国家标准
        GB/T 32918.4—2016
        信息安全技术 SM2 HA HAAS码算法 第4部分:公钥加密算法
        2016-08-29 发布 2017-03-01 实施
        """;
    String clean = """
        中华人民共和国国家标准
        GB/T 32918.4—2016
        信息安全技术 SM2椭圆曲线公钥密码算法 第4部分:公钥加密算法
        2016-08-29 发布 2017-03-01 实施
        """;
    String second = ExtractedDocument.OCR_COVER_READING;
    assertThat(titleOf(garbled, Map.of(second, List.of(clean))))
        .isEqualTo("信息安全技术 SM2椭圆曲线公钥密码算法 第4部分:公钥加密算法");
    assertThat(titleOf(clean, Map.of(second, List.of(garbled))))
        .isEqualTo("信息安全技术 SM2椭圆曲线公钥密码算法 第4部分:公钥加密算法");
    // the main reading found no title at all: the second reading's is taken
    assertThat(titleOf("GB/T 32918.4—2016\n", Map.of(second, List.of(clean)))).startsWith("信息安全技术 SM2椭圆曲线");
    assertThat(titleOf(garbled, Map.of())).contains("HAAS");
  }

  /** Issue 15: OCR read a cover title's last element, set in large Han type, as Latin letters. */
  @Test
  void dropsALatinTailTheEnglishTitleLacksAndRestoresTheElementFromItsTermHeading() {
    String cover = """
        中华人民共和国国家标准
        GB/T 99901—2018
        信息技术 ”安全技术 ASA MMA wl
        Information technology—Security techniques—Pigeon encryption
        2018-09-17 发布 2019-04-01 实施
        """;
    String body = """
        3 术语和定义
        3.1
        鸽子加密 pigeon encryption
        由鸽子携带的加密数据。
        """;
    assertThat(titleOf(cover + body, Map.of())).isEqualTo("信息技术 安全技术 鸽子加密");
    assertThat(titleOf(cover, Map.of())).isEqualTo("信息技术 安全技术");
    String latinWord = """
        中华人民共和国国家标准
        GB/T 99902—2018
        信息技术 网络协议 IPv6
        Information technology—Network protocol—IPv6
        2018-09-17 发布 2019-04-01 实施
        """;
    assertThat(titleOf(latinWord, Map.of())).isEqualTo("信息技术 网络协议 IPv6");
  }

  @Test
  void skipsTheFirstHalfOfABannerThatOcrPutOnItsOwnLine() {
    String cover = """
        密码行业标准
        GM/T 0090—2020
        中华人民共和
        标识密码应用标识格式规范
        2020-12-28 发布 2021-07-01 实施
        """;
    assertThat(titleOf(cover, Map.of())).isEqualTo("标识密码应用标识格式规范");
  }

  private String titleOf(String cover, Map<String, List<String>> metadata) {
    return recogniser.recognise(document("cover.pdf", cover, List.of(0), metadata), null, Sidecars.none()).titleZh();
  }

  @Test
  void readsTheHanNumeralOneBeforeAYearAsADash() {
    assertThat(DocumentText.fold("GB/T 32905一2016 第一章 共1一2页")).isEqualTo("GB/T 32905-2016 第一章 共1一2页");
  }

  static ExtractedDocument document(String path, String text, List<Integer> pages, Map<String, List<String>> metadata) {
    return new ExtractedDocument(path, "0", text.length(), "application/pdf", ExtractionStatus.OK, null, text,
        pages, metadata, 0);
  }
}
