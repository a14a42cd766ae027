package org.stdsearch.corpus;

import static org.stdsearch.corpus.Xml.esc;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * HTML as a standards body's web edition would publish it; with {@code meta} in the spec the head carries the
 * identifier, dates and classification codes as {@code <meta name>} so the extractor can prefer them to the text.
 * The body markup is well-formed XHTML so that the EPUB writer reuses it.
 */
final class HtmlStandardWriter {

    void write(ComposedStandard s, OutputStream out) throws IOException {
        StandardSpec spec = s.spec();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
                .append(spec.chinese() ? "zh-CN" : "en").append("\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(esc(s.printedIdentifier() + " " + s.metadataTitle())).append("</title>\n");
        if (spec.htmlMeta()) {
            meta(h, "DC.identifier", spec.identifier());
            meta(h, "DC.title", s.metadataTitle());
            meta(h, "DC.title.alternative", spec.chinese() ? spec.titleEn() : null);
            meta(h, "DC.language", spec.language());
            meta(h, "DC.date.issued", spec.published().toString());
            meta(h, "implementation-date", spec.implemented() == null ? null : spec.implemented().toString());
            meta(h, "ics", String.join(";", spec.ics()));
            meta(h, "ccs", String.join(";", spec.ccs()));
            meta(h, "replaces", String.join(";", spec.replaces()));
        }
        h.append("<style>body{font-family:sans-serif;max-width:46em;margin:auto}.cover p{margin:.2em}"
                + ".center{text-align:center}.right{text-align:right}</style>\n</head>\n<body>\n");
        h.append(body(s));
        h.append("</body>\n</html>\n");
        out.write(Zips.utf8(h.toString()));
    }

    private static void meta(StringBuilder h, String name, String value) {
        if (value != null && !value.isEmpty()) {
            h.append("<meta name=\"").append(name).append("\" content=\"").append(esc(value)).append("\"/>\n");
        }
    }

    /** The cover and body as XHTML elements. */
    static String body(ComposedStandard s) {
        StringBuilder h = new StringBuilder("<div class=\"cover\">\n");
        for (CoverLine l : s.cover()) {
            if (l.rule()) {
                h.append("<hr/>\n");
            } else {
                String cls = l.align().name().toLowerCase(Locale.ROOT);
                String tag = l.size() >= 18 ? "h1" : "p";
                h.append('<').append(tag).append(" class=\"").append(cls).append("\">").append(esc(l.flat()))
                        .append("</").append(tag).append(">\n");
            }
        }
        h.append("</div>\n");
        for (Block b : s.blocks()) {
            switch (b) {
                case Block.Section sec -> h.append("<h2 class=\"center\">").append(esc(sec.title())).append("</h2>\n");
                case Block.Title t -> h.append("<h1 class=\"center\">").append(esc(t.text())).append("</h1>\n");
                case Block.Heading hd -> h.append("<h").append(Math.min(hd.level() + 1, 6)).append(" id=\"clause-")
                        .append(hd.number()).append("\">").append(esc(hd.number() + " " + hd.title()))
                        .append("</h").append(Math.min(hd.level() + 1, 6)).append(">\n");
                case Block.AnnexHeading a -> h.append("<h2 class=\"center\" id=\"annex-").append(a.letter()).append("\">")
                        .append(esc(a.label())).append("<br/>").append(esc(a.kind())).append("<br/>")
                        .append(esc(a.title())).append("</h2>\n");
                case Block.Para p -> h.append("<p>").append(esc(p.text())).append("</p>\n");
                case Block.Reference r -> h.append("<p class=\"ref\">").append(esc(r.line())).append("</p>\n");
                case Block.TermEntry t -> {
                    h.append("<div class=\"term\">");
                    for (String line : t.lines()) {
                        h.append("<p>").append(esc(line)).append("</p>");
                    }
                    h.append("</div>\n");
                }
            }
        }
        return h.toString();
    }
}
