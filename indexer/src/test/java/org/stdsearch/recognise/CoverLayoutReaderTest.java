package org.stdsearch.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.extract.ExtractionStatus;

/** Titles by type size on the cover (issue 15). */
class CoverLayoutReaderTest {
  private static final StandardRecogniser RECOGNISER = new StandardRecogniser();

  private static RecognisedStandard recognise(String text, String... coverLines) {
    ExtractedDocument doc = new ExtractedDocument("cn/x.pdf", "h", 1, "application/pdf", ExtractionStatus.OK, null,
        text, List.of(0), Map.of(CoverLayoutReader.COVER_LINES, List.of(coverLines)), 0);
    return RECOGNISER.recognise(doc, null, Sidecars.none());
  }

  @Test
  void readsTheLargestLinesOfACoverWithoutBanner() {
    RecognisedStandard r = recognise("SM9标识密码算法\n第1部分：总则\n", "26.0\tSM9标识密码算法", "25.0\t第1部分：总则");
    assertThat(r.titleZh()).isEqualTo("SM9标识密码算法 第1部分：总则");
  }

  @Test
  void readsTheEnglishTitleUnderAChineseOne() {
    RecognisedStandard r = recognise("", "26.0\tSM2椭圆曲线公钥密码算法", "26.0\t第1部分：总则",
        "13.0\tPublic Key Cryptographic Algorithm SM2 Based on Elliptic Curves", "13.0\tPart 1: General",
        "21.0\t国家密码管理局", "21.0\t2010年12月");
    assertThat(r.titleZh()).isEqualTo("SM2椭圆曲线公钥密码算法 第1部分：总则");
    assertThat(r.titleEn()).isEqualTo("Public Key Cryptographic Algorithm SM2 Based on Elliptic Curves Part 1: General");
  }

  @Test
  void leavesOutLabelsAndDatesSetAsLargeAsTheTitle() {
    RecognisedStandard r = recognise("", "75.0\tETSI/SAGE Version: 1.7", "75.0\tSpecification Date: 30th Dec, 2011",
        "75.0\tSpecification of the 3GPP Confidentiality and", "75.0\tIntegrity Algorithms 128-EEA3 & 128-EIA3.",
        "45.0\tpage 1 of 16");
    assertThat(r.titleEn()).isEqualTo("Specification of the 3GPP Confidentiality and Integrity Algorithms 128-EEA3 & 128-EIA3.");
  }

  @Test
  void aPageOfOneTypeSizeNamesNoTitle() {
    String[] lines = new String[20];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = "10.0\tNetwork Working Group line " + i;
    }
    assertThat(recognise("", lines).titleEn()).isNull();
  }

  @Test
  void aContentsPageIsNoCover() {
    assertThat(recognise("", "14.0\t目 次", "10.0\t前言……Ⅲ", "10.0\t1 范围……1").titleZh()).isNull();
  }

  @Test
  void trimsAChineseTitleThatRanOnIntoTheDraftNote() {
    String text = """
        中华人民共和国国家标准
        GB/T 99004—2022
        公共安全视频监控联网系统
        信息传输、交换、控制技术要求
        在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。
        XXXX-XX-XX发布
        """;
    RecognisedStandard r = recognise(text, "38.0\t中华人民共和国国家标准", "14.0\tGB/T 99004—2022",
        "26.0\t公共安全视频监控联网系统", "26.0\t信息传输、交换、控制技术要求",
        "10.0\t在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。", "14.0\tXXXX-XX-XX发布");
    assertThat(r.titleZh()).isEqualTo("公共安全视频监控联网系统信息传输、交换、控制技术要求");
  }

  @Test
  void takesTheWordSpacesOfTheEnglishTitleFromTheCover() {
    String text = """
        中华人民共和国国家标准
        GB/T 99005—2020
        信息安全技术 传输层密码协议
        Informationsecuritytechnology—Transportlayercryptographyprotocol
        2020-04-28发布
        """;
    RecognisedStandard r = recognise(text, "33.0\t中华人民共和国国家标准", "27.0\tGB/T 99005—2020",
        "53.0\t信息安全技术 传输层密码协议", "27.0\tInformation security technology—Transport layer cryptography protocol",
        "27.0\t2020-04-28发布");
    assertThat(r.titleEn()).isEqualTo("Information security technology—Transport layer cryptography protocol");
  }
}
