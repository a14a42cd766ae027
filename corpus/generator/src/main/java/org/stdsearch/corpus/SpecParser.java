package org.stdsearch.corpus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the compact catalogue notation into {@link StandardSpec}s. A spec is a header of "key value" lines
 * ({@code id}, {@code format}, {@code zh}, {@code en}, {@code dates}, {@code ics}, {@code ccs}, {@code replaces},
 * {@code adoption}, {@code type}, {@code fields}, {@code tc}, {@code refs}, {@code scope}, {@code change},
 * {@code term}, {@code meta}) followed by clauses ("# 4.1 heading") and annexes ("@ A normative heading"), each
 * followed by one paragraph per line. Lists inside a value are separated by ";".
 */
final class SpecParser {

    private SpecParser() {}

    static StandardSpec parse(String text) {
        var h = new Header();
        List<StandardSpec.Clause> clauses = new ArrayList<>();
        List<StandardSpec.Annex> annexes = new ArrayList<>();
        String number = null, heading = null, annexLetter = null;
        boolean normative = false;
        List<String> paragraphs = new ArrayList<>();
        for (String raw : text.strip().split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# ") || line.startsWith("@ ")) {
                flush(number, heading, annexLetter, normative, paragraphs, clauses, annexes);
                paragraphs = new ArrayList<>();
                String[] parts = line.substring(2).split(" ", line.startsWith("@ ") ? 3 : 2);
                if (line.startsWith("# ")) {
                    number = parts[0];
                    heading = parts[1];
                    annexLetter = null;
                } else {
                    annexLetter = parts[0];
                    normative = parts[1].equals("normative");
                    heading = parts[2];
                    number = null;
                }
            } else if (number != null || annexLetter != null) {
                paragraphs.add(line);
            } else {
                h.accept(line);
            }
        }
        flush(number, heading, annexLetter, normative, paragraphs, clauses, annexes);
        return h.build(clauses, annexes);
    }

    private static void flush(String number, String heading, String annexLetter, boolean normative,
            List<String> paragraphs, List<StandardSpec.Clause> clauses, List<StandardSpec.Annex> annexes) {
        if (number != null) {
            clauses.add(new StandardSpec.Clause(number, heading, paragraphs));
        } else if (annexLetter != null) {
            annexes.add(new StandardSpec.Annex(annexLetter, normative, heading, paragraphs));
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The header lines seen so far. */
    private static final class Header {
        String id, format = "pdf", zh, en, adoption, type, lang, tc, scope = "";
        LocalDate published, implemented;
        List<String> ics = List.of(), ccs = List.of(), replaces = List.of(), fields = List.of(), refs = List.of();
        final List<String> changes = new ArrayList<>();
        final List<StandardSpec.Term> terms = new ArrayList<>();
        boolean meta;

        void accept(String line) {
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1).strip();
            switch (key) {
                case "id" -> id = value;
                case "format" -> format = value;
                case "zh" -> zh = value;
                case "en" -> en = value;
                case "dates" -> {
                    String[] d = value.split(" +");
                    published = LocalDate.parse(d[0]);
                    implemented = d.length > 1 ? LocalDate.parse(d[1]) : null;
                }
                case "ics" -> ics = list(value);
                case "ccs" -> ccs = list(value);
                case "replaces" -> replaces = list(value);
                case "adoption" -> adoption = value;
                case "type" -> type = value;
                case "lang" -> lang = value;
                case "fields" -> fields = List.of(value.split(" +"));
                case "tc" -> tc = value;
                case "refs" -> refs = list(value);
                case "scope" -> scope = scope.isEmpty() ? value : scope + value;
                case "change" -> changes.add(value);
                case "term" -> {
                    String[] t = value.split(" *\\| *");
                    terms.add(t.length == 3 ? new StandardSpec.Term(t[0], t[1], t[2]) : new StandardSpec.Term(null, t[0], t[1]));
                }
                case "meta" -> meta = true;
                default -> throw new IllegalArgumentException("spec " + id + ": unknown key '" + key + "'");
            }
        }

        StandardSpec build(List<StandardSpec.Clause> clauses, List<StandardSpec.Annex> annexes) {
            if (id == null || en == null || published == null) {
                throw new IllegalArgumentException("spec " + id + ": id, en and dates are required");
            }
            Family family = Family.of(id);
            String language = lang != null ? lang : family.chinese() ? "zh" : "en";
            if (language.equals("zh") && zh == null) {
                throw new IllegalArgumentException("spec " + id + ": a Chinese standard needs its zh title");
            }
            return new StandardSpec(id, family, Format.valueOf(format.toUpperCase().replace('-', '_')), zh, en,
                    published, implemented, ics, ccs, replaces, adoption,
                    type != null ? type : family.defaultType(), language, fields,
                    tc != null ? tc : family.defaultCommittee(), refs, scope, changes, terms, clauses, annexes, meta);
        }
    }
}
