package org.stdsearch.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.extract.ExtractionStatus;

/**
 * Identifiers and titles of consortia, web and algorithm specifications read from their own
 * content (issue 15): W3C and WHATWG shortnames, OASIS, Khronos, Ecma, ETSI, 3GPP, NIST,
 * Internet-Drafts and the OSCCA algorithms. The fixtures are our own, laid out as each publisher
 * lays out its documents.
 */
class SpecificationRecognitionTest {
  private final StandardRecogniser recogniser = new StandardRecogniser();

  private RecognisedStandard recognise(String text, String mime) {
    return recogniser.recognise(doc(text, mime, Map.of()), null, Sidecars.none());
  }

  private static ExtractedDocument doc(String text, String mime, Map<String, List<String>> metadata) {
    return new ExtractedDocument("x", "0", text.length(), mime, ExtractionStatus.OK, null, text, List.of(0), metadata, 0);
  }

  @Test
  void bikeshedSourceOfAW3cSpecificationGivesShortnameLevelAndMaturity() {
    RecognisedStandard r = recognise("""
        <h1>Pigeon Authentication:<br>An API for Pigeons<br>Level 2</h1>
        <pre class='metadata'>
        Title: Pigeon Authentication: An API for Pigeons - Level 2
        Status: WD
        TR: https://www.w3.org/TR/pigeonauth-2/
        ED: https://w3c.github.io/pigeonauth/
        Shortname: pigeonauth
        Level: 2
        </pre>
        Introduction text.
        """, "text/plain");
    assertThat(r.identifier()).isEqualTo("W3C pigeonauth-2 WD");
    assertThat(r.family()).isEqualTo("W3C");
    assertThat(r.titleEn()).isEqualTo("Pigeon Authentication: An API for Pigeons - Level 2");
    assertThat(r.identifierKeys()).contains("W3CPIGEONAUTH-2", "W3CPIGEONAUTH", "PIGEONAUTH");
    assertThat(r.identifierKeys()).containsAnyElementsOf(IdentifierParser.queryKeys("pigeonauth"));
  }

  @Test
  void bikeshedSourceOfAWhatwgStandardIsALivingStandard() {
    RecognisedStandard r = recognise("""
        <pre class=metadata>
        Group: WHATWG
        H1: Pigeon
        Shortname: pigeon
        Abstract: Pigeon defines how pigeons fly.
        </pre>
        """, "text/plain");
    assertThat(r.identifier()).isEqualTo("WHATWG pigeon");
    assertThat(r.titleEn()).isEqualTo("Pigeon Living Standard");
    assertThat(r.identifierKeys()).containsAnyElementsOf(IdentifierParser.queryKeys("whatwg pigeon"));
  }

  @Test
  void respecSourceIsReadFromItsConfiguration(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("spec.html");
    Files.writeString(file, """
        <!DOCTYPE html><html><head><title>Pigeon Identifiers v1.1</title>
        <script class="remove">
          var respecConfig = {
            specStatus: "CR",
            shortName: "pigeon-ids-1.1",
            group: "pigeon",
          };
        </script></head><body><section id="abstract"><p>Pigeons.</p></section></body></html>
        """, StandardCharsets.UTF_8);
    ExtractedDocument doc = doc("Pigeon Identifiers v1.1\nPigeons.\n", "text/html",
        Map.of("dc:title", List.of("Pigeon Identifiers v1.1")));
    RecognisedStandard r = recogniser.recognise(doc, file, Sidecars.none());
    assertThat(r.identifier()).isEqualTo("W3C pigeon-ids-1.1 CR");
    assertThat(r.titleEn()).isEqualTo("Pigeon Identifiers v1.1");
  }

  @Test
  void renderedW3cPageGivesShortnameMaturityAndDateFromItsVersionLinks() {
    ExtractedDocument doc = doc("""
        Pigeon Authentication Level 2
        W3C Recommendation 8 April 2021
        This version:
            https://www.w3.org/TR/2021/REC-pigeonauth-2-20210408/
        Latest published version:
            https://www.w3.org/TR/pigeonauth-2/
        Editor's Draft:
            https://w3c.github.io/pigeonauth/
        """, "text/html", Map.of("dc:title", List.of("Pigeon Authentication Level 2")));
    RecognisedStandard r = recogniser.recognise(doc, null, Sidecars.none());
    assertThat(r.identifier()).isEqualTo("W3C pigeonauth-2 REC");
    assertThat(r.year()).isEqualTo(2021);
    assertThat(r.titleEn()).isEqualTo("Pigeon Authentication Level 2");
  }

  /** Issue 15: an STS document citing XML 1.0 by its dated address was identified as "W3C xml REC". */
  @Test
  void aDatedW3cAddressCitedInTheTextDoesNotMakeAW3cSpecification() {
    RecognisedStandard r = recognise("""
        Pigeon vocabulary
        Bibliography
        W3C XML 1.0:2000, Extensible Markup Language (XML) 1.0 (Second Edition), W3C Recommendation,
        http://www.w3.org/TR/2000/REC-xml-20001006.
        """, "application/xml");
    assertThat(r.identifier()).isNull();
  }

  @Test
  void renderedWhatwgPageGivesItsShortname() {
    RecognisedStandard r = recognise("""
        Pigeon
        Living Standard — Last Updated 2 May 2025
        Participate:
            GitHub whatwg/pigeon (new issue, open issues)
        Commits:
            https://pigeon.spec.whatwg.org/commit-snapshots/
        """, "text/html");
    assertThat(r.identifier()).isEqualTo("WHATWG pigeon");
    assertThat(r.titleEn()).isEqualTo("Pigeon Living Standard");
  }

  @Test
  void oasisWorkProductByItsStageAddress() {
    RecognisedStandard r = recognise("""
        Pigeon Advisory Format Version 2.0
        Committee Specification 01
        14 March 2024
        This stage:
        https://docs.oasis-open.org/paf/paf/v2.0/cs01/paf-v2.0-cs01.html
        Technical Committee:
        OASIS Pigeon Advisory Format (PAF) TC
        """, "text/html");
    assertThat(r.identifier()).isEqualTo("OASIS paf-v2.0-cs01");
    assertThat(r.titleEn()).isEqualTo("Pigeon Advisory Format Version 2.0");
    assertThat(r.identifierKeys()).containsAnyElementsOf(IdentifierParser.queryKeys("OASIS PAF Version 2.0"));
  }

  @Test
  void khronosSpecificationAndExtension() {
    RecognisedStandard spec = recognise("""
        Khronos Native Pigeon Interface
        (PGL Version 1.4 - June 1, 2020)
        Editor: A. Writer
        Copyright (c) 2020 The Khronos Group Inc.
        """, "application/pdf");
    assertThat(spec.identifier()).isEqualTo("Khronos PGL 1.4");
    RecognisedStandard extension = recognise("""
        SPV_KHR_pigeon_query
        ====================
        Name Strings
        ------------
        SPV_KHR_pigeon_query
        Contact: see the Khronos SPIRV-Registry
        """, "text/x-asciidoc");
    assertThat(extension.identifier()).isEqualTo("Khronos SPV_KHR_pigeon_query");
    assertThat(extension.titleEn()).isEqualTo("SPIR-V extension SPV_KHR_pigeon_query");
  }

  @Test
  void ecmaCoverGivesNumberEditionAndTitle() {
    RecognisedStandard r = recognise("""
        Reference number
        ECMA-123:2009
        © Ecma International 2009
        ECMA-999
        3rd Edition / December 2017

        The Pigeon Data

        Interchange Syntax

         COPYRIGHT PROTECTED DOCUMENT
        """, "application/pdf");
    assertThat(r.identifier()).isEqualTo("ECMA-999 3rd edition");
    assertThat(r.titleEn()).isEqualTo("The Pigeon Data Interchange Syntax");
    assertThat(r.year()).isEqualTo(2017);
    assertThat(r.identifierKeys()).containsAnyElementsOf(IdentifierParser.queryKeys("ecma999"));
  }

  @Test
  void etsiThreeGppAndNistCovers() {
    RecognisedStandard etsi = recognise("""
        ETSI TS 133 999 V15.2.0 (2018-10)
        TECHNICAL SPECIFICATION
        5G;
        Pigeon architecture and procedures for 5G System
        (3GPP TS 33.999 version 15.2.0 Release 15)
        """, "application/pdf");
    assertThat(etsi.identifier()).isEqualTo("ETSI TS 133 999 V15.2.0 (2018-10)");
    assertThat(etsi.titleEn()).isEqualTo("5G; Pigeon architecture and procedures for 5G System");
    RecognisedStandard gpp = recognise("""
        3GPP TS 33.999 V17.4.0 (2021-12)
        Technical Specification
        3rd Generation Partnership Project;
        Technical Specification Group Services and System Aspects;
        Pigeon architecture and procedures for 5G system
        (Release 17)
        """, "application/pdf");
    assertThat(gpp.identifier()).isEqualTo("3GPP TS 33.999 V17.4.0");
    assertThat(gpp.titleEn()).isEqualTo("Pigeon architecture and procedures for 5G system");
    assertThat(gpp.identifierKeys()).containsAnyElementsOf(IdentifierParser.queryKeys("3gpp ts 33.999"));
    RecognisedStandard nist = recognise("""
        NIST Special Publication 800-999
        November, 2007
        Recommendation for Pigeon Modes of Operation
        Morris Writer
        """, "application/pdf");
    assertThat(nist.identifier()).isEqualTo("NIST SP 800-999");
    assertThat(nist.titleEn()).isEqualTo("Recommendation for Pigeon Modes of Operation");
  }

  @Test
  void internetDraftByTheNameUnderItsTitle() {
    RecognisedStandard r = recognise("""
        Network Working Group                                          A. Writer
        Internet-Draft                                                       XYZ
        Intended status: Informational                                  B. Other
        Expires: July 12, 2018                                               UVW
                                                                 January 8, 2018


                          The PG3 Pigeon Hash Function
                            draft-writer-cfrg-pg3-02

        Abstract

           This document describes the PG3 hash function.
        """, "text/plain");
    assertThat(r.identifier()).isEqualTo("draft-writer-cfrg-pg3-02");
    assertThat(r.family()).isEqualTo("Internet-Draft");
    assertThat(r.titleEn()).isEqualTo("The PG3 Pigeon Hash Function");
    assertThat(r.identifierKeys()).containsAnyElementsOf(IdentifierParser.queryKeys("draft-writer-cfrg-pg3"));
  }

  @Test
  void internetDraftSourceInRfcXmlByItsDocName(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("draft.xml");
    Files.writeString(file, """
        <?xml version="1.0" encoding="UTF-8"?>
        <rfc docName="draft-writer-pigeon-transport-34" category="std" submissionType="IETF">
          <front><title>Pigeon Transport</title><date year="2021" month="January"/></front>
          <middle><section><name>Introduction</name><t>Pigeons.</t></section></middle>
        </rfc>
        """, StandardCharsets.UTF_8);
    RecognisedStandard r = recogniser.recognise(doc("Pigeon Transport\nIntroduction\nPigeons.\n", "application/xml",
        Map.of()), file, Sidecars.none());
    assertThat(r.identifier()).isEqualTo("draft-writer-pigeon-transport-34");
    assertThat(r.titleEn()).isEqualTo("Pigeon Transport");
    assertThat(r.clauses()).extracting(RecognisedStandard.Clause::number).containsExactly("1");
  }

  @Test
  void osccaAlgorithmDocumentsByTheirNameAndAsAliasesOfTheStandardsAboutThem() {
    RecognisedStandard part = recognise("SM9 标识密码算法\n第 2 部分：数字签名算法\n目 次\n1 术语\n", "application/pdf");
    assertThat(part.identifier()).isEqualTo("OSCCA SM9 Part 2");
    assertThat(part.titleZh()).isEqualTo("SM9 标识密码算法 第 2 部分：数字签名算法");
    String cover = "SM2椭圆曲线公钥密码算法\n第1部分：总则\n国家密码管理局\n";
    RecognisedStandard all = recognise(cover + "正文。\n" + cover.replace("第1部分：总则", "第2部分：数字签名算法")
        + "正文。\n", "application/pdf");
    assertThat(all.identifier()).isEqualTo("OSCCA SM2");
    // A GB standard whose title is about SM3 is found by "SM3"; one that only uses SM2 is not found by "SM2".
    RecognisedStandard gb = recognise("""
        中 华 人 民 共 和 国 国 家 标 准
        GB/T 99905—2016
        信息安全技术 SM3密码杂凑算法
        Information security technology—SM3 cryptographic hash algorithm
        2016-08-29发布 2017-03-01实施
        """, "application/pdf");
    assertThat(gb.identifier()).isEqualTo("GB/T 99905-2016");
    assertThat(gb.identifierKeys()).containsAnyElementsOf(IdentifierParser.queryKeys("SM3"));
    RecognisedStandard usage = recognise("""
        中 华 人 民 共 和 国 密 码 行 业 标 准
        GM/T 9999-2012
        基于SM2算法的证书申请语法规范
        2012-03-21发布 2012-03-21实施
        """, "application/pdf");
    assertThat(usage.identifierKeys()).doesNotContainAnyElementsOf(IdentifierParser.queryKeys("SM2"));
  }

  /** Issue 15: an OCR'd cover too garbled to name the algorithm; the title over clause 1 names it. */
  @Test
  void osccaAlgorithmDocumentWithAGarbledCoverIsNamedByItsChosenTitle() {
    String cover = "SM9 ARIA BA BF\n2 部分: 数字签名算法\n";
    String body = "SM9 标识密码算法\n第 2 部分：数字签名算法\n1 范围\n本部分规定了数字签名算法。\n";
    ExtractedDocument scan = new ExtractedDocument("x", "0", 0, "application/pdf", ExtractionStatus.OCR, null,
        cover + body, List.of(0, cover.length()), Map.of(), 0);
    RecognisedStandard r = recogniser.recognise(scan, null, Sidecars.none());
    assertThat(r.titleZh()).isEqualTo("SM9 标识密码算法 第2部分：数字签名算法");
    assertThat(r.identifier()).isEqualTo("OSCCA SM9 Part 2");
  }

  @Test
  void markupSourcesTitleThemselves() {
    assertThat(recognise("![Logo](x.png)\n\n# Pigeon Advisory Format Version 9.0\n\n## Notes\n", "text/markdown")
        .titleEn()).isEqualTo("Pigeon Advisory Format Version 9.0");
    assertThat(recognise("// a comment\n= Pigeon{tm} 2.0 Specification\n:tm: x\n", "text/x-asciidoc")
        .titleEn()).isEqualTo("Pigeon 2.0 Specification");
    assertThat(recognise("  The Pigeon Object\n  The Pigeon object is ordinary.\n", "text/html").titleEn())
        .isEqualTo("The Pigeon Object");
  }
}
