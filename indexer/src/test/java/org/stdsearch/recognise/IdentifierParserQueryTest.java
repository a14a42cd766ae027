package org.stdsearch.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdentifierParserQueryTest {

  private static final StandardIdentifier PIPL_SPEC =
      IdentifierParser.parse("GB/T 35273-2020").orElseThrow();

  @ParameterizedTest
  @ValueSource(strings = {"GB/T 35273-2020", "GBT35273", "gb/t 35273", "GB／T 35273—2020",
      "GB-T 35273", "35273", "GB/T 35273", "GB 35273", "gbt 35273-2020", "35273-2020",
      "GB/T 35273 个人信息安全规范"})
  void everySpellingAPersonTypesFindsTheStandard(String typed) {
    assertThat(IdentifierParser.queryKeys(typed)).containsAnyElementsOf(PIPL_SPEC.indexKeys());
  }

  @Test
  void datedQueryPrefersTheEditionThenAnyEdition() {
    assertThat(IdentifierParser.queryKeys("GB/T 35273—2020"))
        .startsWith("GB/T35273-2020", "GB/T35273");
  }

  @Test
  void undatedSeriesQueryFindsEveryPart() {
    List<String> keys = IdentifierParser.queryKeys("ISO 965");
    for (String part : List.of("ISO 965-1", "ISO 965-2:1998", "ISO 965-5:2021")) {
      assertThat(keys).containsAnyElementsOf(
          IdentifierParser.parse(part).orElseThrow().indexKeys());
    }
    assertThat(IdentifierParser.queryKeys("GB/T 32918")).containsAnyElementsOf(
        IdentifierParser.parse("GB/T 32918.2-2016").orElseThrow().indexKeys());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      rfc9110                   | RFC 9110
      RFC-9110                  | RFC 9110
      9110                      | RFC 9110
      iso/iec 27001             | ISO/IEC 27001:2022
      ISO/IEC 27001:2013        | ISO/IEC 27001:2013
      27001                     | ISO/IEC 27001:2022
      X.509                     | ITU-T X.509 (10/2019)
      itu-t x.509               | ITU-T X.509 (10/2019)
      802.11ax                  | IEEE Std 802.11ax-2021
      IEEE 802.11               | IEEE Std 802.11ax-2021
      ETSI EN 303645            | ETSI EN 303 645 V2.1.1 (2020-06)
      ETSI EN 303 645 V2.1.1    | ETSI EN 303 645 V2.1.1 (2020-06)
      ISO 13849-1               | DIN EN ISO 13849-1:2008-12
      DIN EN ISO 13849-1:2008   | DIN EN ISO 13849-1:2008-12
      32918.2                   | GB/T 32918.2-2016
      GMT 0001.2                | GM/T 0001.2-2012
      JT/T 808-2019             | JT/T 808-2019
      db31/t 1234               | DB31/T 1234-2021
      T/CESA 1234               | T/CESA 1234-2023
      ecma262                   | ECMA-262 15th edition
      ECMA-262                  | ECMA-262 15th edition
      Ecma 262 15th edition     | ECMA-262 15th edition
      etsi ts 103 645           | ETSI TS 103 645 V2.1.1 (2020-06)
      ETSI TS 103645            | ETSI TS 103 645 V2.1.1 (2020-06)
      3gpp ts 33.501            | 3GPP TS 33.501 V17.4.0
      3GPP TS 33.501 V17.4.0    | 3GPP TS 33.501 V17.4.0
      draft-ietf-quic-transport-34 | draft-ietf-quic-transport-34
      draft-ietf-quic-transport | draft-ietf-quic-transport-34
      webauthn                  | W3C webauthn-3 ED
      webauthn-3                | W3C webauthn-3 ED
      W3C webauthn              | W3C webauthn-3 ED
      w3c webauthn-3            | W3C webauthn-3 ED
      did-core                  | W3C did-core REC
      whatwg dom                | WHATWG dom
      fetch                     | WHATWG fetch
      OASIS SARIF               | OASIS sarif-v2.1.0-cs01
      sarif                     | OASIS sarif-v2.1.0-cs01
      Khronos EGL               | Khronos EGL 1.5
      gltf                      | Khronos glTF 2.0
      fips 197                  | FIPS 197
      FIPS PUB 180-4            | FIPS 180-4
      sp 800-38d                | NIST SP 800-38D
      SM3                       | OSCCA SM3
      sm2                       | OSCCA SM2 Part 1
      SM9 第1部分                | OSCCA SM9 Part 1
      zuc-256                   | OSCCA ZUC-256
      """)
  void queryFindsIndexedStandard(String typed, String indexed) {
    assertThat(IdentifierParser.queryKeys(typed)).containsAnyElementsOf(
        IdentifierParser.parse(indexed).orElseThrow().indexKeys());
  }

  @Test
  void datedQueryDoesNotPutAnotherEditionFirst() {
    String first = IdentifierParser.queryKeys("JT/T 808-2019").getFirst();
    assertThat(IdentifierParser.parse("JT/T 808-2011").orElseThrow().indexKeys())
        .doesNotContain(first);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "个人信息安全规范", "security requirements", "12", "4.2.1",
      "TLS 1.3", "HTTP/1.1"})
  void queryThatIsNotAnIdentifierHasNoKeys(String typed) {
    assertThat(IdentifierParser.queryKeys(typed)).isEmpty();
  }

  @Test
  void queryKeysUseTheSameNormalisationAsTheIndex() {
    for (String key : IdentifierParser.queryKeys("ＧＢ／Ｔ　３５２７３－２０２０")) {
      assertThat(IdentifierParser.normaliseKey(key)).isEqualTo(key);
    }
  }
}
