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
import org.stdsearch.recognise.RecognisedStandard.Clause;

/**
 * RFC titles in the old layouts and the clause that contains a passage (issue 15). The fixtures
 * are our own, laid out as the RFC Editor lays out its renderings.
 */
class RfcRecognitionTest {
  private final StandardRecogniser recogniser = new StandardRecogniser();

  private RecognisedStandard recognise(String text) {
    return recogniser.recognise(doc(text, "text/plain"), null, Sidecars.none());
  }

  private static ExtractedDocument doc(String text, String mime) {
    return new ExtractedDocument("x", "0", text.length(), mime, ExtractionStatus.OK, null, text, List.of(0), Map.of(), 0);
  }

  @Test
  void oldestRfcsOpenWithTheirNumberAndNoOtherHeaderField() {
    RecognisedStandard r = recognise("""
        RFC 999                                                        A. Writer
                                                                         XYZ
                                                              28 August 1980



                             Pigeon Post Protocol
                             --------------------

        Introduction
        ------------

        This protocol carries notes by pigeon.
        """);
    assertThat(r.identifier()).isEqualTo("RFC 999");
    assertThat(r.titleEn()).isEqualTo("Pigeon Post Protocol");
  }

  @Test
  void rightColumnRunningOnAfterABlankLineIsNotTheTitle() {
    RecognisedStandard r = recognise("""
        Internet Engineering Task Force (IETF)                          A. Writer
        Request for Comments: 9999                                            XYZ
        Category: Informational                                         B. Other
        ISSN: 2070-1721                                                      UVW

                                                                         C. Third
                                                                           Nowhere
                                                                     February 2018


                     Congestion Control for Slow Networks

        Abstract

           This document specifies things.
        """);
    assertThat(r.titleEn()).isEqualTo("Congestion Control for Slow Networks");
  }

  @Test
  void titlePrintedDoubleSpacedKeepsBothLines() {
    RecognisedStandard r = recognise("""
             RFC #  998

             Obsoletes:  RFC #700  (NIC #12345)



                            STANDARD FOR THE CARRIAGE OF

                            PIGEON NETWORK MESSAGES

                                  August 13, 1982

                                     Revised by
        """);
    assertThat(r.identifier()).isEqualTo("RFC 998");
    assertThat(r.titleEn()).isEqualTo("STANDARD FOR THE CARRIAGE OF PIGEON NETWORK MESSAGES");
  }

  @Test
  void allCapitalsTitleOverSeriesLinesIsTheRunningTitle() {
    String page2 = "\fSeptember 1981\n                                                  Pigeon Protocol\n\nText.\n";
    RecognisedStandard r = recognise("""
        RFC:  997



                                   PIGEON PROTOCOL
                                DARPA INTERNET PROGRAM
                                PROTOCOL SPECIFICATION



                                    September 1981
        """ + page2 + page2);
    assertThat(r.titleEn()).isEqualTo("Pigeon Protocol");
  }

  @Test
  void roffCentredTitleAndNoTitleWhereTheTextIsFlushLeft() {
    RecognisedStandard roff = recognise("""
        .ds LH RFC 7999
        .nf
        Internet Engineering Task Force (IETF)                         A. Writer
        Request for Comments: 7999                                           XYZ
        Category: Standards Track                                      July 2016
        .fi
        .ce 1
        Multiple Pigeons per Route

        Abstract
        """);
    assertThat(roff.titleEn()).isEqualTo("Multiple Pigeons per Route");
    RecognisedStandard none = recognise("""
        Network Working Group                                        A. Writer
        Request for Comments: 996                                          NYU
                                                               August 27, 1973

        New York University
        251 Mercer Street
        New York, N.Y. 10012

                This memo proposes local conventions for remote jobs.
        """);
    assertThat(none.identifier()).isEqualTo("RFC 996");
    assertThat(none.titleEn()).isNull();
  }

  @Test
  void ocrOfATypewrittenHeaderWithoutColumnsTakesTheLastBlockBeforeTheBody() {
    RecognisedStandard r = recogniser.recognise(doc("""
        Network Working Group
        Request for Conments #995
        NIC #6739

        Updates: #123

        A. Writer

        4 May 1972

        UCLA - Computer
        Science

        Pigeon Connection Control Commands

        The following is my reading of the exchange between pigeons
        which would be necessary to carry out the pigeon protocol.
        """, "application/pdf"), null, Sidecars.none());
    assertThat(r.identifier()).isEqualTo("RFC 995");
    assertThat(r.titleEn()).isEqualTo("Pigeon Connection Control Commands");
  }

  private RecognisedStandard recognisePdf(String text) {
    return recogniser.recognise(doc(text, "application/pdf"), null, Sidecars.none());
  }

  /** Issue 15: OCR double-spaces a typewritten page; a sentence running on after a blank line is body. */
  @Test
  void ocrDoubleSpacedBodyAfterTheTitleIsNotTheTitle() {
    RecognisedStandard r = recognisePdf("""
        Network Working Group
        Request for Conmants #994
        NIC #6001

        Category: D.1

        Updates: #120
        Opsoletes: #121

        A. Writer
        4 May 1972
        UCLA - NYC
        Pigeon Science

        Pigeon Loft Control Commands

        The following is my reading of the exchange between the lofts

        which would be necessary to carry out the pigeon protocol

        of RFC #120.
        """);
    assertThat(r.identifier()).isEqualTo("RFC 994");
    assertThat(r.titleEn()).isEqualTo("Pigeon Loft Control Commands");
  }

  /** Issue 15: a typewritten header printing its number after an address, and no title at all. */
  @Test
  void hashNumberAfterAnAddressAndAuthorsBeforeTheDateAreNoTitle() {
    RecognisedStandard r = recognisePdf("""
        Pigeon University
        Institute of Pigeon Sciences
        1 Loft Street
        . Coop Town, 10012 . RFC #993

        A. Writer - PU
        B. Writer - PL

        August 27, 1973

        Several pigeon lofts are planning to enter the network in the near
        future. These lofts include the north loft and the south loft, and
        we would like to avoid a new protocol at least in the first round.
        """);
    assertThat(r.identifier()).isEqualTo("RFC 993");
    assertThat(r.titleEn()).isNull();
  }

  /** Issue 15: a receipt stamp over the title of a scan, and a letter the text layer misread. */
  @Test
  void stampDateIsNotTitleAndAMisreadTitleWordIsRepairedFromTheText() {
    RecognisedStandard r = recognisePdf("""
        Network Working Group A. Writer
        Request for Comments #992 PIGEON-NET
        NIC #18000 28 August 1973
        Updates: RFC 400

        SEP 18'j973
        Modifications to the Pigeon Specjfication

        Four months have passed since the new pigeon specification was
        published. Since then, only two notes suggested modifications, and
        the last of these was sent two months ago. The specification is
        therefore changed now, and no further changes are taken until later.

        Changes to the Pigeon Specification
        """);
    assertThat(r.identifier()).isEqualTo("RFC 992");
    assertThat(r.titleEn()).isEqualTo("Modifications to the Pigeon Specification");
  }

  /** Issue 15: a journal line prints the title above the header; each copy is damaged elsewhere. */
  @Test
  void twoDamagedReadingsOfTheTitleMakeOneRightOne() {
    RecognisedStandard r = recognisePdf("""
        NWG/RPCR 991 ABC 26-SEP-73 09:57 19144
        Anno~ncemcnt of a NaIl Facility ~t LOFT

        RPC # 991 A. Writer
        HIC Ii 19144 LOFT

        Sept 26, 1973

        Announcement Gf a Wait FacIlity at L0FT

        There now exists a server program at the loft, which supports the
        part of the pigeon protocol needed for mail delivery. Only the MAIL
        command is implemented at this time, and Mail may be sent to anyone.

        RECEIVED
        OCT 1 1973
        """);
    assertThat(r.identifier()).isEqualTo("RFC 991");
    assertThat(r.titleEn()).isEqualTo("Announcement of a Mail Facility at LOFT");
  }

  /** Issue 15: an RFC written as a memorandum is titled by its subject line. */
  @Test
  void memorandumIsTitledByItsSubject() {
    RecognisedStandard r = recognisePdf("""
        RFC 990
        MEMORANDUM NIC 31000

        To: All Pigeon Users

        From: A. Writer

        SUbject: .Pi g e o n Ports

        Date : /~

        The following is the approved scheme to connect our lofts to
        the network. This configuration will become effective December
        18, 1974.
        """);
    assertThat(r.identifier()).isEqualTo("RFC 990");
    assertThat(r.titleEn()).isEqualTo("Pigeon Ports");
  }

  /** Issue 15: a passage of section 1 of an RFC HTML said "Clause 6.2", the last entry of the contents. */
  @Test
  void contentsWithoutPageNumbersDoNotSwallowTheBody() {
    String text = """
        Request for Comments: 9998                                    A. Writer
        Category: Standards Track                                     June 2022

                              Targeted Pigeon Control

        Table of Contents

           1.  Introduction
             1.1.  Notational Conventions
           2.  Pigeon Fields
           Appendix A.  Examples

        1.  Introduction

           Pigeons carry introductory notes.

        1.1.  Notational Conventions

           The key words are as usual.

        2.  Pigeon Fields

           Fields of pigeons.

        Appendix A.  Examples

           An example.
        """;
    RecognisedStandard r = recognise(text);
    assertThat(r.clauses()).extracting(Clause::number).containsExactly("1", "1.1", "2", "A");
    assertThat(clauseAt(r.clauses(), text.indexOf("introductory notes"))).isEqualTo("1");
    assertThat(clauseAt(r.clauses(), text.indexOf("Fields of pigeons"))).isEqualTo("2");
    assertThat(clauseAt(r.clauses(), text.indexOf("An example"))).isEqualTo("A");
  }

  @Test
  void rfcXmlSectionsAreNumberedFromTheMarkupAndLocatedInTheText(@TempDir Path tmp) throws Exception {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rfc number="9997" docName="draft-writer-pigeon-05" submissionType="IETF">
          <front><title>Pigeon Sections</title><date year="2022" month="June"/></front>
          <middle>
            <section><name>Introduction</name><t>Pigeons introduce.</t>
              <section><name>Terms</name><t>Terms of pigeons.</t></section>
            </section>
            <section><name>Pigeon Fields</name><t>Fields of pigeons.</t></section>
          </middle>
          <back>
            <references><name>References</name>
              <references><name>Normative References</name><t>A reference.</t></references>
            </references>
            <section><name>Examples</name><t>An example.</t></section>
            <section numbered="false"><name>Acknowledgements</name><t>Thanks to the pigeons.</t></section>
          </back>
        </rfc>
        """;
    Path file = tmp.resolve("p.xml");
    Files.writeString(file, xml, StandardCharsets.UTF_8);
    // The text Tika gives: names on lines of their own, and a contents list naming them first.
    String text = """
        Pigeon Sections
        Table of Contents
        .   Introduction
        .   Pigeon Fields
        Introduction
        Pigeons introduce.
        Terms
        Terms of pigeons.
        Pigeon Fields
        Fields of pigeons.
        References
        Normative References
        A reference.
        Examples
        An example.
        Acknowledgements
        Thanks to the pigeons.
        """;
    RecognisedStandard r = recogniser.recognise(doc(text, "application/xml"), file, Sidecars.none());
    assertThat(r.identifier()).isEqualTo("RFC 9997");
    assertThat(r.clauses()).extracting(Clause::number).containsExactly("1", "1.1", "2", "3", "3.1", "A");
    assertThat(clauseAt(r.clauses(), text.indexOf("Pigeons introduce"))).isEqualTo("1");
    assertThat(clauseAt(r.clauses(), text.indexOf("Terms of pigeons"))).isEqualTo("1.1");
    assertThat(clauseAt(r.clauses(), text.indexOf("A reference"))).isEqualTo("3.1");
    assertThat(clauseAt(r.clauses(), text.indexOf("An example"))).isEqualTo("A");
    assertThat(clauseAt(r.clauses(), text.indexOf("Thanks to the pigeons"))).isNull();
  }

  /** The innermost clause containing {@code offset}, as the search side picks it (ClauseSpans). */
  private static String clauseAt(List<Clause> clauses, int offset) {
    String found = null;
    for (Clause c : clauses) {
      if (c.start() <= offset && offset < c.end()) {
        found = c.number();
      }
    }
    return found;
  }
}
