package org.stdsearch.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Lays a composed standard out on A4 pages with PDFBox: a cover, the foreword on Roman-numbered pages, the body
 * on Arabic-numbered pages with the identifier in the running header. The CJK font is embedded as a subset so the
 * files stay small and Tika gets real Unicode back through the ToUnicode map.
 */
final class PdfStandardWriter {

    /** What the layout produced: page count and the physical page (1-based) each clause starts on. */
    record Layout(int pages, Map<String, Integer> clausePages) {}

    private static final float MARGIN = 72, BODY = 10.5f, LEADING = 1.65f;
    private static final PDRectangle A4 = PDRectangle.A4;
    // A token is a run of Latin letters/digits/punctuation (kept whole when wrapping), one space, or one other char.
    private static final Pattern TOKEN = Pattern.compile("[\\p{IsLatin}0-9.,:;!?/()\\[\\]'\"_%+=<>@#&*~\\-]+|\\s|.");

    private final Path fontFile;

    PdfStandardWriter(Path fontFile) {
        this.fontFile = fontFile;
    }

    Layout write(ComposedStandard s, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(fontFile.toFile())) {
            TrueTypeFont[] first = new TrueTypeFont[1];
            ttc.processAllFonts(f -> { if (first[0] == null) first[0] = f; });
            var page = new Pager(doc, PDType0Font.load(doc, first[0], true), s.printedIdentifier());
            Map<String, Integer> clausePages = new LinkedHashMap<>();
            page.cover(s.cover());
            for (Block block : s.blocks()) {
                switch (block) {
                    case Block.Section sec -> {
                        if (sec.newPage()) page.newPage(true);
                        page.gap(8);
                        page.text(sec.title(), 14, true, CoverLine.Align.CENTER, 0);
                        page.gap(6);
                    }
                    case Block.Title t -> {
                        if (t.newPage()) page.newPage(false);
                        page.text(t.text(), 15, true, CoverLine.Align.CENTER, 0);
                        page.gap(10);
                    }
                    case Block.Heading h -> {
                        page.keepWithNext(4);
                        page.gap(h.level() == 1 ? 8 : 4);
                        clausePages.put(h.number(), page.number());
                        page.text(h.number() + "  " + h.title(), BODY, true, CoverLine.Align.LEFT, 0);
                        page.gap(2);
                    }
                    case Block.AnnexHeading a -> {
                        page.newPage(false);
                        clausePages.put(a.letter(), page.number());
                        page.text(a.label(), 12, true, CoverLine.Align.CENTER, 0);
                        page.text(a.kind(), BODY, false, CoverLine.Align.CENTER, 0);
                        page.text(a.title(), 12, true, CoverLine.Align.CENTER, 0);
                        page.gap(8);
                    }
                    case Block.Para p -> page.text(p.text(), BODY, false, CoverLine.Align.LEFT,
                            startsList(p.text()) ? 0 : 2 * BODY);
                    case Block.Reference r -> page.text(r.line(), BODY, false, CoverLine.Align.LEFT, 2 * BODY);
                    case Block.TermEntry t -> {
                        page.keepWithNext(3);
                        List<String> lines = t.lines();
                        for (int i = 0; i < lines.size(); i++) {
                            boolean head = i < lines.size() - 1;
                            page.text(lines.get(i), BODY, head, CoverLine.Align.LEFT, head ? 0 : 2 * BODY);
                        }
                        page.gap(3);
                    }
                }
            }
            page.finish();
            metadata(doc, s);
            doc.save(out);
            return new Layout(doc.getNumberOfPages(), clausePages);
        }
    }

    private static boolean startsList(String text) {
        return text.startsWith("——") || text.startsWith("— ") || text.matches("^[a-z]\\).*|^\\d+\\).*|^注.*|^NOTE.*");
    }

    /** Fixed dates and a fixed document ID: PDFBox would otherwise stamp the current time into both. */
    private static void metadata(PDDocument doc, ComposedStandard s) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(s.printedIdentifier() + " " + s.metadataTitle());
        info.setSubject(s.spec().titleEn());
        info.setProducer("stdsearch corpus generator");
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        when.clear();
        when.set(s.spec().published().getYear(), s.spec().published().getMonthValue() - 1, s.spec().published().getDayOfMonth(), 9, 0, 0);
        info.setCreationDate(when);
        info.setModificationDate(when);
        try {
            byte[] id = MessageDigest.getInstance("MD5").digest(s.spec().identifier().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cursor over the pages: wraps text, breaks pages, draws running header and footer. */
    private static final class Pager {
        private final PDDocument doc;
        private final PDType0Font font;
        private final String header;
        private PDPageContentStream cs;
        private float y;
        private int roman, arabic;
        private boolean front;

        Pager(PDDocument doc, PDType0Font font, String header) {
            this.doc = doc;
            this.font = font;
            this.header = header;
        }

        int number() {
            return doc.getNumberOfPages();
        }

        void cover(List<CoverLine> lines) throws IOException {
            open();
            for (CoverLine l : lines) {
                y -= l.gapBefore();
                if (l.rule()) {
                    cs.moveTo(MARGIN - 10, y);
                    cs.lineTo(A4.getWidth() - MARGIN + 10, y);
                    cs.stroke();
                    y -= 4;
                    continue;
                }
                String[] parts = l.text().split("\t", -1);
                if (parts.length == 2) {
                    y -= l.size() * 1.3f;
                    show(parts[0], l.size(), MARGIN, false);
                    show(parts[1], l.size(), A4.getWidth() - MARGIN - width(parts[1], l.size()), false);
                } else {
                    text(l.text(), l.size(), l.size() >= 14, l.align(), 0);
                }
            }
        }

        void newPage(boolean frontMatter) throws IOException {
            footer();
            front = frontMatter;
            if (frontMatter) roman++; else arabic++;
            open();
            show(header, 9, A4.getWidth() - MARGIN - width(header, 9), false);
            cs.moveTo(MARGIN, y - 4);
            cs.lineTo(A4.getWidth() - MARGIN, y - 4);
            cs.stroke();
            y -= 24;
        }

        private void open() throws IOException {
            if (cs != null) cs.close();
            PDPage p = new PDPage(A4);
            doc.addPage(p);
            cs = new PDPageContentStream(doc, p);
            cs.setLineWidth(0.5f);
            y = A4.getHeight() - 50;
        }

        private void footer() throws IOException {
            if (cs == null || (roman == 0 && arabic == 0)) return;
            String label = front ? toRoman(roman) : String.valueOf(arabic);
            cs.beginText();
            cs.setFont(font, 9);
            cs.newLineAtOffset((A4.getWidth() - width(label, 9)) / 2, 40);
            cs.showText(label);
            cs.endText();
        }

        void finish() throws IOException {
            footer();
            cs.close();
        }

        void gap(float points) {
            y -= points;
        }

        /** Starts a new page if fewer than {@code lines} body lines fit, so a heading never ends a page. */
        void keepWithNext(int lines) throws IOException {
            if (y - lines * BODY * LEADING < MARGIN) newPage(front);
        }

        void text(String text, float size, boolean bold, CoverLine.Align align, float indent) throws IOException {
            float width = A4.getWidth() - 2 * MARGIN;
            List<String> lines = wrap(text, size, width, indent);
            for (int i = 0; i < lines.size(); i++) {
                if (y - size * LEADING < MARGIN && roman + arabic > 0) newPage(front);
                y -= size * LEADING;
                String line = lines.get(i);
                float x = switch (align) {
                    case LEFT -> MARGIN + (i == 0 ? indent : 0);
                    case CENTER -> (A4.getWidth() - width(line, size)) / 2;
                    case RIGHT -> A4.getWidth() - MARGIN - width(line, size);
                };
                show(line, size, x, bold);
            }
        }

        private void show(String text, float size, float x, boolean bold) throws IOException {
            if (text.isEmpty()) return;
            cs.beginText();
            cs.setFont(font, size);
            // The font has no bold face: fill and stroke the outline to look like 黑体 headings.
            cs.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            cs.newLineAtOffset(x, y);
            cs.showText(text);
            cs.endText();
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        private List<String> wrap(String text, float size, float width, float indent) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float used = indent;
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                String token = m.group();
                float w = width(token, size);
                if (used + w > width && !line.isEmpty()) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    used = 0;
                    if (token.isBlank()) continue;
                }
                while (w > width) {  // a Latin run longer than the line: cut it by characters
                    int cut = token.length() - 1;
                    while (cut > 1 && width(token.substring(0, cut), size) > width) cut--;
                    lines.add(token.substring(0, cut));
                    token = token.substring(cut);
                    w = width(token, size);
                }
                line.append(token);
                used += w;
            }
            if (!line.isEmpty()) lines.add(line.toString().stripTrailing());
            return lines;
        }

        private static String toRoman(int n) {
            return switch (n) { case 1 -> "I"; case 2 -> "II"; case 3 -> "III"; case 4 -> "IV"; default -> "V"; };
        }
    }
}
