package org.stdsearch.corpus;

import static org.stdsearch.corpus.Xml.esc;

import java.io.IOException;
import java.io.OutputStream;

/**
 * NISO STS XML, shaped like the ISO 13849-1 sample in shared/corpus/sts: metadata in {@code front/std-meta},
 * the foreword as a front {@code sec}, clauses as nested {@code sec} with {@code label}/{@code title}, terms as
 * {@code term-sec} holding a TBX {@code termEntry} (one langSet per language), annexes as {@code app} in back.
 */
final class StsStandardWriter {

    void write(ComposedStandard s, OutputStream out) throws IOException {
        StandardSpec spec = s.spec();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<standard xmlns:tbx=\"urn:iso:std:iso:30042:ed-1\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xml:lang=\"")
                .append(spec.language()).append("\">\n<front>\n<std-meta>\n");
        if (spec.titleZh() != null) titleWrap(x, "zh", spec.titleZh());
        titleWrap(x, "en", spec.titleEn());
        String number = spec.identifier().substring(spec.family().prefix().length() + 1).replaceFirst("[-:]\\d{4}$", "");
        x.append("<std-ident><originator>").append(esc(spec.family().prefix())).append("</originator><doc-type>")
                .append(spec.family().chinese() ? "standard" : "IS").append("</doc-type><doc-number>").append(esc(number))
                .append("</doc-number><version>").append(spec.year()).append("</version></std-ident>\n");
        x.append("<content-language>").append(spec.language()).append("</content-language>\n");
        x.append("<std-ref type=\"dated\">").append(esc(s.printedIdentifier())).append("</std-ref>\n");
        x.append("<std-ref type=\"undated\">").append(esc(spec.family().prefix() + " " + number)).append("</std-ref>\n");
        x.append("<pub-date>").append(spec.published()).append("</pub-date>\n");
        x.append("<release-date>").append(spec.published()).append("</release-date>\n");
        if (spec.implemented() != null) {
            x.append("<meta-date type=\"implementation\">").append(spec.implemented()).append("</meta-date>\n");
        }
        x.append("<comm-ref>").append(esc(spec.committee())).append("</comm-ref>\n");
        spec.ics().forEach(i -> x.append("<ics>").append(i).append("</ics>\n"));
        for (String old : spec.replaces()) {
            x.append("<std-xref type=\"replaces\"><std-ref>").append(esc(ReferenceTitles.printed(old, spec.language())))
                    .append("</std-ref></std-xref>\n");
        }
        if (spec.adoption() != null) {
            String[] a = spec.adoption().split(" ", 2);
            x.append("<std-xref type=\"adopts\" specific-use=\"").append(a[0]).append("\"><std-ref>").append(esc(a[1]))
                    .append("</std-ref></std-xref>\n");
        }
        if (!spec.ccs().isEmpty()) {
            x.append("<custom-meta-group><custom-meta><meta-name>ccs</meta-name><meta-value>")
                    .append(esc(String.join(";", spec.ccs()))).append("</meta-value></custom-meta></custom-meta-group>\n");
        }
        x.append("<permissions><copyright-statement>© ").append(spec.year()).append(' ').append(esc(spec.family().prefix()))
                .append(" — stdsearch sample document</copyright-statement><copyright-year>").append(spec.year())
                .append("</copyright-year></permissions>\n</std-meta>\n");
        body(s, x);
        out.write(Zips.utf8(x.append("</standard>\n").toString()));
    }

    private static void titleWrap(StringBuilder x, String lang, String title) {
        x.append("<title-wrap xml:lang=\"").append(lang).append("\"><main>").append(esc(title)).append("</main><full>")
                .append(esc(title)).append("</full></title-wrap>\n");
    }

    private static void body(ComposedStandard s, StringBuilder x) {
        int depth = 0;  // open <sec> elements inside body, or 1 for the front foreword / an open app
        boolean inFront = true, inBack = false, inRefs = false;
        for (Block b : s.blocks()) {
            if (inRefs && !(b instanceof Block.Reference)) {
                x.append("</ref-list>\n");
                inRefs = false;
            }
            switch (b) {
                case Block.Section sec -> {
                    x.append("<sec sec-type=\"foreword\" id=\"sec_foreword\"><title>").append(esc(sec.title())).append("</title>\n");
                    depth = 1;
                }
                case Block.Title t -> {
                    x.append("</sec>\n</front>\n<body>\n");
                    inFront = false;
                    depth = 0;
                }
                case Block.Heading h -> {
                    for (; depth >= h.level(); depth--) x.append("</sec>\n");
                    String type = switch (h.number()) { case "1" -> "scope"; case "2" -> "norm-refs"; case "3" -> "terms"; default -> "clause"; };
                    x.append("<sec id=\"sec_").append(h.number()).append("\" sec-type=\"").append(type).append("\"><label>")
                            .append(h.number()).append("</label><title>").append(esc(h.title())).append("</title>\n");
                    depth = h.level();
                }
                case Block.AnnexHeading a -> {
                    for (; depth > 0; depth--) x.append(inBack ? "</app>\n" : "</sec>\n");
                    if (!inBack) x.append("</body>\n<back>\n<app-group>\n");
                    inBack = true;
                    x.append("<app id=\"sec_").append(a.letter()).append("\" content-type=\"")
                            .append(a.kind().contains("规范") || a.kind().contains("normative") ? "norm-annex" : "inform-annex")
                            .append("\"><label>").append(esc(a.label())).append("</label><annex-type>").append(esc(a.kind()))
                            .append("</annex-type><title>").append(esc(a.title())).append("</title>\n");
                    depth = 1;
                }
                case Block.Para p -> x.append("<p>").append(esc(p.text())).append("</p>\n");
                case Block.Reference r -> {
                    if (!inRefs) x.append("<ref-list content-type=\"norm-refs\">\n");
                    inRefs = true;
                    x.append("<ref><std><std-ref>").append(esc(r.printed())).append("</std-ref>, <title>")
                            .append(esc(r.title())).append("</title></std></ref>\n");
                }
                case Block.TermEntry t -> {
                    x.append("<term-sec id=\"sec_").append(t.number()).append("\"><label>").append(t.number())
                            .append("</label><tbx:termEntry id=\"term_").append(t.number()).append("\">");
                    if (t.zh() != null) langSet(x, "zh", t.zh(), t.definition());
                    langSet(x, "en", t.en(), t.zh() == null ? t.definition() : null);
                    x.append("</tbx:termEntry></term-sec>\n");
                }
            }
        }
        if (inRefs) x.append("</ref-list>\n");
        for (; depth > 0; depth--) x.append(inBack ? "</app>\n" : "</sec>\n");
        x.append(inBack ? "</app-group>\n</back>\n" : inFront ? "</front>\n" : "</body>\n");
    }

    private static void langSet(StringBuilder x, String lang, String term, String definition) {
        x.append("<tbx:langSet xml:lang=\"").append(lang).append("\">");
        if (definition != null) x.append("<tbx:definition>").append(esc(definition)).append("</tbx:definition>");
        x.append("<tbx:tig><tbx:term>").append(esc(term)).append("</tbx:term><tbx:partOfSpeech value=\"noun\"/>")
                .append("<tbx:normativeAuthorization value=\"preferredTerm\"/></tbx:tig></tbx:langSet>");
    }
}
