package org.stdsearch.corpus;

import java.util.List;

/** One piece of a composed standard in reading order; every writer renders the same sequence. */
sealed interface Block {

    /** An unnumbered section such as 前言, Foreword, Abstract; {@code newPage} in paged formats. */
    record Section(String title, boolean newPage) implements Block {}

    /** The title repeated above the first clause, as on the first body page of a GB standard. */
    record Title(String text, boolean newPage) implements Block {}

    /** A numbered clause heading; level 1 for "4", 2 for "4.1". */
    record Heading(String number, String title, int level) implements Block {}

    /** "附录 A（规范性）title" or "Annex A (informative) title"; always starts a new page. */
    record AnnexHeading(String letter, String label, String kind, String title) implements Block {}

    record Para(String text) implements Block {}

    /** A normative reference as listed in clause 2: the identifier as printed, then the title. */
    record Reference(String canonical, String printed, String title) implements Block {
        String line() {
            return printed + (title.isEmpty() ? "" : "  " + title);
        }
    }

    /** A term entry; {@code style} picks the layout of the family (GB, ISO, ITU-T one-liner, RFC one-liner). */
    record TermEntry(String number, String zh, String en, String definition, TermStyle style) implements Block {
        List<String> lines() {
            return switch (style) {
                case GB -> List.of(number, (zh == null ? "" : zh + "  ") + en, definition);
                case ISO -> List.of(number, en, definition);
                case ITU -> List.of(number + "  " + en + ": " + definition);
                case RFC -> List.of(en + ":  " + definition);
            };
        }
    }

    enum TermStyle { GB, ISO, ITU, RFC }
}
