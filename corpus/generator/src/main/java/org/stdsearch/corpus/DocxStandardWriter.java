package org.stdsearch.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * DOCX through POI, as a drafting group would circulate a standard: the cover as centred paragraphs, the
 * identifier in the page header and in the core properties. POI stamps the current time into the zip entries,
 * so the package is rewritten by {@link Zips#normalise}.
 */
final class DocxStandardWriter {

    void write(ComposedStandard s, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            var props = doc.getProperties().getCoreProperties();
            props.setTitle(s.metadataTitle());
            props.setIdentifier(s.spec().identifier());
            props.setCreator("stdsearch corpus generator");
            try {
                props.setCreated(s.spec().published() + "T09:00:00Z");
                props.setModified(s.spec().published() + "T09:00:00Z");
            } catch (InvalidFormatException e) {
                throw new IllegalStateException("date format rejected by POI", e);
            }
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(s.printedIdentifier());

            for (CoverLine l : s.cover()) {
                if (l.rule()) continue;
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(switch (l.align()) {
                    case LEFT -> ParagraphAlignment.LEFT;
                    case CENTER -> ParagraphAlignment.CENTER;
                    case RIGHT -> ParagraphAlignment.RIGHT;
                });
                p.setSpacingBefore((int) (l.gapBefore() * 10));
                run(p, l.flat(), l.size(), l.size() >= 14);
            }
            for (Block b : s.blocks()) {
                switch (b) {
                    case Block.Section sec -> centred(doc, sec.title(), 14, sec.newPage());
                    case Block.Title t -> centred(doc, t.text(), 15, t.newPage());
                    case Block.Heading h -> run(doc.createParagraph(), h.number() + "  " + h.title(), 10.5, true);
                    case Block.AnnexHeading a -> {
                        centred(doc, a.label(), 12, true);
                        centred(doc, a.kind(), 10.5, false);
                        centred(doc, a.title(), 12, false);
                    }
                    case Block.Para p -> {
                        XWPFParagraph para = doc.createParagraph();
                        para.setFirstLineIndent(420);
                        run(para, p.text(), 10.5, false);
                    }
                    case Block.Reference r -> run(doc.createParagraph(), r.line(), 10.5, false);
                    case Block.TermEntry t -> {
                        var lines = t.lines();
                        for (int i = 0; i < lines.size(); i++) {
                            run(doc.createParagraph(), lines.get(i), 10.5, i < lines.size() - 1);
                        }
                    }
                }
            }
            var bytes = new ByteArrayOutputStream();
            doc.write(bytes);
            Zips.normalise(bytes.toByteArray(), out);
        }
    }

    private static void centred(XWPFDocument doc, String text, double size, boolean newPage) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setPageBreak(newPage);
        run(p, text, size, true);
    }

    private static void run(XWPFParagraph p, String text, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setFontSize(size);
        r.setFontFamily("SimSun", XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
    }

}
