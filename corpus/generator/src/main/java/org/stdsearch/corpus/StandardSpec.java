package org.stdsearch.corpus;

import java.time.LocalDate;
import java.util.List;

/**
 * One standard of the sample corpus as written in the catalogue: metadata plus the text of its own clauses.
 * The boilerplate every standard shares (foreword, reference and term introductions) is added by {@link TextComposer}.
 */
record StandardSpec(
        String identifier,
        Family family,
        Format format,
        String titleZh,
        String titleEn,
        LocalDate published,
        LocalDate implemented,
        List<String> ics,
        List<String> ccs,
        List<String> replaces,
        String adoption,
        String type,
        String language,
        List<String> fields,
        String committee,
        List<String> references,
        String scope,
        List<String> changes,
        List<Term> terms,
        List<Clause> clauses,
        List<Annex> annexes,
        boolean htmlMeta) {

    StandardSpec {
        ics = List.copyOf(ics);
        ccs = List.copyOf(ccs);
        replaces = List.copyOf(replaces);
        fields = List.copyOf(fields);
        references = List.copyOf(references);
        changes = List.copyOf(changes);
        terms = List.copyOf(terms);
        clauses = List.copyOf(clauses);
        annexes = List.copyOf(annexes);
    }

    boolean chinese() {
        return language.equals("zh");
    }

    int year() {
        return published.getYear();
    }

    /** The file name: the identifier with the characters a file system dislikes turned into underscores. */
    String fileName() {
        return identifier.replaceAll("[/ :()]+", "_").replaceAll("_$", "") + "." + format.extension();
    }

    /** A definition: {@code zh} is null in English-only standards. */
    record Term(String zh, String en, String definition) {}

    /** A numbered clause written in the catalogue; {@code number} like "4.1.2" (its depth is the level). */
    record Clause(String number, String heading, List<String> paragraphs) {
        Clause {
            paragraphs = List.copyOf(paragraphs);
        }

        int level() {
            return number.split("\\.").length;
        }
    }

    /** An annex; {@code normative} picks 规范性/normative over 资料性/informative. */
    record Annex(String letter, boolean normative, String heading, List<String> paragraphs) {
        Annex {
            paragraphs = List.copyOf(paragraphs);
        }
    }
}
