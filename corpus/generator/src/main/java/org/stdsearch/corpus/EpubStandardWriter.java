package org.stdsearch.corpus;

import static org.stdsearch.corpus.Xml.esc;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** EPUB 3 written by hand: mimetype (stored, first), container, package document, navigation, one chapter. */
final class EpubStandardWriter {

    void write(ComposedStandard s, OutputStream out) throws IOException {
        StandardSpec spec = s.spec();
        String lang = spec.chinese() ? "zh-CN" : "en";
        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put("mimetype", Zips.utf8("application/epub+zip"));
        zip.put("META-INF/container.xml", Zips.utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
                </container>
                """));
        zip.put("OEBPS/content.opf", Zips.utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="%s">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <dc:identifier id="uid">%s</dc:identifier>
                    <dc:title>%s</dc:title>
                    <dc:language>%s</dc:language>
                    <dc:date>%s</dc:date>
                    <dc:publisher>%s</dc:publisher>
                    <meta property="dcterms:modified">%sT00:00:00Z</meta>
                  </metadata>
                  <manifest>
                    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
                    <item id="text" href="standard.xhtml" media-type="application/xhtml+xml"/>
                  </manifest>
                  <spine><itemref idref="text"/></spine>
                </package>
                """.formatted(lang, esc(spec.identifier()), esc(s.metadataTitle()), lang, spec.published(),
                esc(String.join(" ", spec.family().issuingBodies(spec.year()))), spec.published())));
        zip.put("OEBPS/nav.xhtml", Zips.utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
                <head><title>%s</title></head>
                <body><nav epub:type="toc"><ol><li><a href="standard.xhtml">%s</a></li></ol></nav></body>
                </html>
                """.formatted(esc(s.printedIdentifier()), esc(s.metadataTitle()))));
        zip.put("OEBPS/standard.xhtml", Zips.utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="%s">
                <head><title>%s</title></head>
                <body>
                %s</body>
                </html>
                """.formatted(lang, esc(s.printedIdentifier() + " " + s.metadataTitle()), HtmlStandardWriter.body(s))));
        Zips.write(zip, out);
    }
}
