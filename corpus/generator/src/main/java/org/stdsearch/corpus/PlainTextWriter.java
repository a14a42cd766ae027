package org.stdsearch.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain UTF-8 text. Chinese standards come out as a text export would (one line per paragraph, cover lines
 * first); RFC-style memos are laid out like the RFC Editor's text: 72 columns, 3-space indent, page header and
 * footer with a form feed every 56 lines, so the extractor sees the running headers a real RFC has.
 */
final class PlainTextWriter {

    private static final int WIDTH = 72, PAGE_LINES = 56;

    void write(ComposedStandard s, OutputStream out) throws IOException {
        String text = s.spec().family() == Family.RFC ? rfc(s) : export(s);
        out.write(Zips.utf8(text));
    }

    private static String export(ComposedStandard s) {
        StringBuilder t = new StringBuilder();
        for (CoverLine l : s.cover()) {
            if (l.rule()) continue;
            if (l.gapBefore() > 20) t.append('\n');
            t.append(switch (l.align()) {
                case LEFT -> "";
                case CENTER -> "        ";
                case RIGHT -> "                                        ";
            }).append(l.flat()).append('\n');
        }
        for (Block b : s.blocks()) {
            switch (b) {
                case Block.Section sec -> t.append("\f\n").append(sec.title()).append("\n\n");
                case Block.Title ti -> t.append(ti.newPage() ? "\f\n" : "\n").append(ti.text()).append("\n\n");
                case Block.Heading h -> t.append('\n').append(h.number()).append(' ').append(h.title()).append('\n');
                case Block.AnnexHeading a -> t.append("\f\n").append(a.label()).append('\n').append(a.kind()).append('\n')
                        .append(a.title()).append("\n\n");
                case Block.Para p -> t.append(s.spec().chinese() ? "　　" : "").append(p.text()).append('\n');
                case Block.Reference r -> t.append(r.line()).append('\n');
                case Block.TermEntry te -> {
                    t.append('\n');
                    te.lines().forEach(l -> t.append(l).append('\n'));
                }
            }
        }
        return t.toString();
    }

    private static String rfc(ComposedStandard s) {
        List<String> lines = new ArrayList<>();
        for (CoverLine l : s.cover()) {
            if (l.gapBefore() > 0) lines.add("");
            String[] parts = l.text().split("\t", -1);
            if (parts.length == 2) {
                lines.add(parts[0] + " ".repeat(Math.max(1, WIDTH - parts[0].length() - parts[1].length())) + parts[1]);
            } else {
                lines.add(" ".repeat(Math.max(0, (WIDTH - l.text().length()) / 2)) + l.text());
            }
        }
        lines.add("");
        for (Block b : s.blocks()) {
            switch (b) {
                case Block.Section sec -> { lines.add(""); lines.add(sec.title()); lines.add(""); }
                case Block.Heading h -> { lines.add(""); lines.add(h.number() + ".  " + h.title()); lines.add(""); }
                case Block.Para p -> { wrap(p.text(), "   ", lines); lines.add(""); }
                case Block.Reference r -> { wrap(r.printed() + "  " + r.title() + ".", "   ", lines); lines.add(""); }
                case Block.TermEntry t -> { wrap(String.join(" ", t.lines()), "   ", lines); lines.add(""); }
                case Block.Title t -> {}
                case Block.AnnexHeading a -> { lines.add(""); lines.add("Appendix " + a.letter() + ".  " + a.title()); lines.add(""); }
            }
        }
        return paginate(s, lines);
    }

    private static void wrap(String text, String indent, List<String> lines) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" +")) {
            if (line.length() + word.length() + 1 > WIDTH && line.length() > indent.length()) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) line.append(' ');
            line.append(word);
        }
        lines.add(line.toString());
    }

    private static String paginate(ComposedStandard s, List<String> lines) {
        String number = "RFC " + s.spec().identifier().substring(4);
        String month = s.spec().published().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
        String shortTitle = s.spec().titleEn().length() > 40 ? s.spec().titleEn().substring(0, 40).strip() : s.spec().titleEn();
        StringBuilder t = new StringBuilder();
        int page = 1, onPage = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (onPage == 0 && page > 1) {
                t.append(spread(number, shortTitle, month)).append("\n\n");
            }
            t.append(lines.get(i).stripTrailing()).append('\n');
            onPage++;
            if (onPage == PAGE_LINES || i == lines.size() - 1) {
                t.append('\n').append(spread("Chen", "Informational", "[Page " + page + "]")).append('\n');
                if (i < lines.size() - 1) t.append('\f').append('\n');
                page++;
                onPage = 0;
            }
        }
        return t.toString();
    }

    private static String spread(String left, String centre, String right) {
        int gap = WIDTH - left.length() - centre.length() - right.length();
        String a = " ".repeat(Math.max(1, gap / 2)), b = " ".repeat(Math.max(1, gap - gap / 2));
        return left + a + centre + b + right;
    }
}
