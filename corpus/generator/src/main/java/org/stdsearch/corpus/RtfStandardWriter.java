package org.stdsearch.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RTF written by hand. Every non-ASCII character is a {@code \\uN?} escape with "?" as the fallback, which is
 * what word processors emit for CJK text in a GB2312 code page document; Tika's RTF parser decodes the escapes.
 */
final class RtfStandardWriter {

    void write(ComposedStandard s, OutputStream out) throws IOException {
        StringBuilder r = new StringBuilder("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\n");
        var d = s.spec().published();
        r.append("{\\info{\\title ").append(escape(s.printedIdentifier() + " " + s.metadataTitle())).append("}")
                .append("{\\creatim\\yr").append(d.getYear()).append("\\mo").append(d.getMonthValue()).append("\\dy")
                .append(d.getDayOfMonth()).append("}}\n\\f0\\fs21\n");
        for (CoverLine l : s.cover()) {
            if (l.rule()) continue;
            r.append(switch (l.align()) { case LEFT -> "\\ql "; case CENTER -> "\\qc "; case RIGHT -> "\\qr "; })
                    .append("\\fs").append((int) (l.size() * 2)).append(' ').append(escape(l.flat())).append("\\par\\pard\\fs21\n");
        }
        for (Block b : s.blocks()) {
            switch (b) {
                case Block.Section sec -> r.append(sec.newPage() ? "\\page " : "").append("\\qc{\\b ").append(escape(sec.title())).append("}\\par\\pard\n");
                case Block.Title t -> r.append(t.newPage() ? "\\page " : "").append("\\qc{\\b\\fs30 ").append(escape(t.text())).append("}\\par\\pard\n");
                case Block.Heading h -> r.append("{\\b ").append(escape(h.number() + "  " + h.title())).append("}\\par\n");
                case Block.AnnexHeading a -> r.append("\\page\\qc{\\b ").append(escape(a.label())).append("}\\par ")
                        .append(escape(a.kind())).append("\\par{\\b ").append(escape(a.title())).append("}\\par\\pard\n");
                case Block.Para p -> r.append("\\fi420 ").append(escape(p.text())).append("\\par\\pard\n");
                case Block.Reference ref -> r.append(escape(ref.line())).append("\\par\n");
                case Block.TermEntry t -> t.lines().forEach(l -> r.append(escape(l)).append("\\par\n"));
            }
        }
        out.write(r.append("}\n").toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static String escape(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\\' || c == '{' || c == '}') b.append('\\').append((char) c);
            else if (c < 128) b.append((char) c);
            else if (c <= 0xFFFF) b.append("\\u").append((short) c).append('?');  // RTF wants a signed 16-bit value
            else b.append('?');
        });
        return b.toString();
    }
}
