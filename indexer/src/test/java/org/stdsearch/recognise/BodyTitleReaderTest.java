package org.stdsearch.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.extract.ExtractionStatus;

/** The title over clause 1, OCR's noise in titles, and the part an OCR'd identifier lost (issue 15). */
class BodyTitleReaderTest {
  private static final StandardRecogniser RECOGNISER = new StandardRecogniser();

  private static RecognisedStandard recognise(ExtractionStatus status, String... pages) {
    StringBuilder text = new StringBuilder();
    List<Integer> starts = new java.util.ArrayList<>();
    for (String page : pages) {
      starts.add(text.length());
      text.append(page).append("\n\n");
    }
    ExtractedDocument doc = new ExtractedDocument("cn/scan.pdf", "h", 1, "application/pdf", status, null,
        text.toString(), starts, Map.of(), 0);
    return RECOGNISER.recognise(doc, null, Sidecars.none());
  }

  private static final String CONTENTS = "GB/T 99006—2016\n目 次\n1 范围 ·⋯⋯⋯⋯⋯⋯⋯⋯ 1\n2 术语和定义 ·⋯⋯⋯⋯⋯ 1\n";
  private static final String BODY = "GB/T 99006—2016\n信息安全技术  SM3 密码杂凑算法\n1 范围\n本标准规定了 SM3 密码杂凑算法的计算方法。\n";

  @Test
  void takesTheTitleOverClauseOneWhereTheOcrdCoverReadsWorse() {
    String cover = "中华人民共和国国家标准\nGB/T 99006一2016\nBABARSRA SM3 密码杂凑算法\n"
        + "Information security techniques—SM3 cryptographic hash algorithm\n2016-08-29 发布 2017-03-01 实施\n";
    RecognisedStandard r = recognise(ExtractionStatus.OCR, cover, CONTENTS, BODY);
    assertThat(r.titleZh()).isEqualTo("信息安全技术 SM3 密码杂凑算法");
  }

  @Test
  void anOcrdBodyTitleWinsOverACoverReadingOfOtherCommonCharacters() {
    String cover = "中华人民共和国国家标准\nGB/T 99006一2016\n吉息安全技术 SM3 密码未潜算法\n2016-08-29 发布\n";
    RecognisedStandard r = recognise(ExtractionStatus.OCR, cover, CONTENTS, BODY);
    assertThat(r.titleZh()).isEqualTo("信息安全技术 SM3 密码杂凑算法");
  }

  @Test
  void keepsTheCoverTitleWhereBothReadTheSame() {
    String cover = "中华人民共和国国家标准\nGB/T 99006—2016\n信息安全技术 SM3密码杂凑算法\n2016-08-29发布\n";
    RecognisedStandard r = recognise(ExtractionStatus.OK, cover, CONTENTS, BODY);
    assertThat(r.titleZh()).isEqualTo("信息安全技术 SM3密码杂凑算法");
  }

  @Test
  void aCopyWithoutCoverIsTitledFromItsBody() {
    RecognisedStandard r = recognise(ExtractionStatus.OK, CONTENTS, BODY);
    assertThat(r.titleZh()).isEqualTo("信息安全技术 SM3 密码杂凑算法");
  }

  @Test
  void theIssuingBodyEndsTheTitleWhereOcrLostTheDates() {
    String cover = "中华人民共和国密码行业标准\nGM/Z 99007—2013\n密码术语\nCryptology terminology\n国家密码管理局发布\n";
    RecognisedStandard r = recognise(ExtractionStatus.OCR, cover);
    assertThat(r.titleZh()).isEqualTo("密码术语");
    assertThat(r.issuers()).contains("国家密码管理局");
  }

  @Test
  void aScannedCoverWithoutBannerIsTitledByItsFirstLinesFromTheReadingThatReadsBetter() {
    StringBuilder text = new StringBuilder("SM9 ARIA BA BF\n2 部分: 数字签名算法\n");
    ExtractedDocument doc = new ExtractedDocument("cn/sm9.pdf", "h", 1, "application/pdf", ExtractionStatus.OCR, null,
        text.toString(), List.of(0), Map.of(ExtractedDocument.OCR_COVER_READING,
            List.of("SM9 标识密码算法\n第 2 部分: 数字签名算;\n")), 0);
    RecognisedStandard r = RECOGNISER.recognise(doc, null, Sidecars.none());
    assertThat(r.titleZh()).isEqualTo("SM9 标识密码算法 第2部分:数字签名算");
  }

  @Test
  void readsThePartNumberOcrTookForABar() {
    assertThat(ChineseTitle.clean("信息安全技术 SM2 椭圆曲线公钥密码算法 第 | 部分:总则"))
        .isEqualTo("信息安全技术 SM2 椭圆曲线公钥密码算法 第1部分:总则");
    assertThat(ChineseTitle.clean("SM2 椭圆曲线公钥密码算法”第4部分 :公钥加密算法"))
        .isEqualTo("SM2 椭圆曲线公钥密码算法第4部分:公钥加密算法");
  }

  @Test
  void takesThePartOfTheIdentifierFromTheRunningHeader() {
    String cover = "中华人民共和国密码行业标准\nGM/T0001。3—2012\n祖冲之序列密码算法\n2012-03-21发布\n";
    RecognisedStandard r = recognise(ExtractionStatus.OK, cover, "GM/T0001.3-2012\n前 言\n", "GM/T0001.3-2012\n正文\n");
    assertThat(r.identifier()).isEqualTo("GM/T 0001.3-2012");
  }

  @Test
  void anUndatedCoverIdentifierTakesThePartFromTheHeader() {
    String cover = "中华人民共和国密码行业标准\nGM/T 0001\n祖冲之序列密码算法\n";
    RecognisedStandard r = recognise(ExtractionStatus.OCR, cover, "GM/T 0001.3-2012\n前 言\n", "GM/T 0001.3-2012\n正文\n");
    assertThat(r.identifier()).isEqualTo("GM/T 0001.3-2012");
  }
}
