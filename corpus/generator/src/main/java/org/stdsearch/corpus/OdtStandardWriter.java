package org.stdsearch.corpus;

import static org.stdsearch.corpus.Xml.esc;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenDocument Text written by hand. Clause headings are real {@code text:h} with an outline level, so an
 * ODF-aware reader sees the structure; the identifier also goes into meta.xml as a user-defined property.
 */
final class OdtStandardWriter {

    private static final String NS = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
            + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
            + "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
            + "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
            + "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\"";

    void write(ComposedStandard s, OutputStream out) throws IOException {
        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put("mimetype", Zips.utf8("application/vnd.oasis.opendocument.text"));
        zip.put("META-INF/manifest.xml", Zips.utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
                 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """));
        StandardSpec spec = s.spec();
        zip.put("meta.xml", Zips.utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta " + NS + "><office:meta>"
                + "<dc:title>" + esc(s.metadataTitle()) + "</dc:title>"
                + "<dc:language>" + spec.language() + "</dc:language>"
                + "<dc:date>" + spec.published() + "T09:00:00</dc:date>"
                + "<meta:creation-date>" + spec.published() + "T09:00:00</meta:creation-date>"
                + "<meta:user-defined meta:name=\"identifier\">" + esc(spec.identifier()) + "</meta:user-defined>"
                + "</office:meta></office:document-meta>\n"));
        zip.put("content.xml", Zips.utf8(content(s)));
        Zips.write(zip, out);
    }

    private static String content(ComposedStandard s) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content ")
                .append(NS).append(">\n<office:automatic-styles>")
                .append("<style:style style:name=\"C\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"center\"/></style:style>")
                .append("<style:style style:name=\"R\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"end\"/></style:style>")
                .append("<style:style style:name=\"B\" style:family=\"paragraph\"><style:paragraph-properties fo:break-before=\"page\"/></style:style>")
                .append("</office:automatic-styles>\n<office:body><office:text>\n");
        for (CoverLine l : s.cover()) {
            if (!l.rule()) {
                String style = switch (l.align()) { case CENTER -> "C"; case RIGHT -> "R"; case LEFT -> "Standard"; };
                x.append("<text:p text:style-name=\"").append(style).append("\">").append(esc(l.flat())).append("</text:p>\n");
            }
        }
        for (Block b : s.blocks()) {
            switch (b) {
                case Block.Section sec -> x.append("<text:p text:style-name=\"B\"/><text:h text:outline-level=\"1\">")
                        .append(esc(sec.title())).append("</text:h>\n");
                case Block.Title t -> x.append("<text:p text:style-name=\"").append(t.newPage() ? "B" : "C").append("\">")
                        .append(esc(t.text())).append("</text:p>\n");
                case Block.Heading h -> x.append("<text:h text:outline-level=\"").append(h.level()).append("\">")
                        .append(esc(h.number() + " " + h.title())).append("</text:h>\n");
                case Block.AnnexHeading a -> x.append("<text:h text:outline-level=\"1\">").append(esc(a.label()))
                        .append("<text:line-break/>").append(esc(a.kind())).append("<text:line-break/>")
                        .append(esc(a.title())).append("</text:h>\n");
                case Block.Para p -> x.append("<text:p>").append(esc(p.text())).append("</text:p>\n");
                case Block.Reference r -> x.append("<text:p>").append(esc(r.line())).append("</text:p>\n");
                case Block.TermEntry t -> t.lines().forEach(l -> x.append("<text:p>").append(esc(l)).append("</text:p>\n"));
            }
        }
        return x.append("</office:text></office:body></office:document-content>\n").toString();
    }
}
