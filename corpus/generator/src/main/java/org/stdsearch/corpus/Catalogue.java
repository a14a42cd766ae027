package org.stdsearch.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * The corpus catalogue: every standard as a spec in the notation of {@link SpecParser}. All text is ours; the
 * standards are fictional (identifiers may coincide with real numbers, titles and content do not reproduce them).
 */
final class Catalogue {

    private Catalogue() {}

    static List<String> all() {
        List<String> all = new ArrayList<>();
        all.addAll(NationalStandards.SPECS);
        all.addAll(SectorStandards.SPECS);
        all.addAll(InternationalStandards.SPECS);
        return all;
    }
}
