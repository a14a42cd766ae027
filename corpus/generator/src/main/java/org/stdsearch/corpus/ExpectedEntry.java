package org.stdsearch.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The ground truth for one corpus file, as written to expected.json (snake_case names). {@code pages} and the
 * clause {@code page} exist only for PDFs: the physical page, 1-based, cover included.
 */
record ExpectedEntry(
        String path,
        String identifier,
        String family,
        String titleZh,
        String titleEn,
        String published,
        String implemented,
        int year,
        List<String> ics,
        List<String> ccs,
        List<String> replaces,
        List<String> replacedBy,
        String adoption,
        String type,
        String level,
        String language,
        List<String> fields,
        String format,
        boolean textLayer,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer pages,
        List<ClauseEntry> clauses,
        List<TermEntry> terms,
        List<String> references) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClauseEntry(String number, String heading, Integer page) {}

    record TermEntry(String number, String zh, String en) {}
}
