package org.stdsearch.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** PDF Info and other metadata titles decoded and refused where they are no title (issue 15). */
class MetadataTitleTest {
  private static final Charset GBK = Charset.forName("GBK");

  @Test
  void decodesAHexStringOfGbkBytesAndRefusesTheWordFileNameItHolds() {
    String hex = "<" + HexFormat.of().withUpperCase().formatHex("Microsoft Word - 密码术语.doc".getBytes(GBK)) + ">";
    assertThat(MetadataTitle.decode(hex)).isEqualTo("Microsoft Word - 密码术语.doc");
    assertThat(MetadataTitle.clean(hex)).isNull();
  }

  @Test
  void decodesAHexStringOfGbkBytesThatIsATitle() {
    String hex = "<" + HexFormat.of().formatHex("信息安全技术 密码术语".getBytes(GBK)) + ">";
    assertThat(MetadataTitle.clean(hex)).isEqualTo("信息安全技术 密码术语");
  }

  @Test
  void decodesUtf16WithItsByteOrderMark() {
    byte[] utf16 = "道路运输车辆卫星定位系统".getBytes(StandardCharsets.UTF_16);
    assertThat(MetadataTitle.clean("<" + HexFormat.of().formatHex(utf16) + ">")).isEqualTo("道路运输车辆卫星定位系统");
  }

  @Test
  void readsGbkBytesTakenForLatin1() {
    String mojibake = new String("密码应用标识规范".getBytes(GBK), StandardCharsets.ISO_8859_1);
    assertThat(MetadataTitle.clean(mojibake)).isEqualTo("密码应用标识规范");
  }

  @Test
  void leavesAccentedLatinTitlesAlone() {
    assertThat(MetadataTitle.clean("Électrodes enrobées pour le soudage")).isEqualTo("Électrodes enrobées pour le soudage");
  }

  @Test
  void refusesPlaceholdersFileNamesAndAddresses() {
    assertThat(MetadataTitle.clean("标题")).isNull();
    assertThat(MetadataTitle.clean("Title")).isNull();
    assertThat(MetadataTitle.clean("untitled")).isNull();
    assertThat(MetadataTitle.clean("Microsoft Word - 第2部分.doc")).isNull();
    assertThat(MetadataTitle.clean("Microsoft Word - EEA3_EIA3_specification_v1_7-3.doc")).isNull();
    assertThat(MetadataTitle.clean("bingdian001.com")).isNull();
    assertThat(MetadataTitle.clean("http://www.example.com/std")).isNull();
    assertThat(MetadataTitle.clean("2016")).isNull();
  }

  @Test
  void dropsTheIdentifierAFileNameStartsWith() {
    assertThat(MetadataTitle.clean("GM T 0090-2020 标识密码应用标识格式规范")).isEqualTo("标识密码应用标识格式规范");
  }

  @Test
  void keepsAnOrdinaryTitle() {
    assertThat(MetadataTitle.clean("Programming languages - C")).isEqualTo("Programming languages - C");
  }
}
