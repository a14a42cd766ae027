package org.stdsearch.corpus;

import java.util.List;

/** A standard ready for the writers: the spec, how its identifier is printed, its cover and its body. */
record ComposedStandard(StandardSpec spec, String printedIdentifier, List<CoverLine> cover, List<Block> blocks) {

    ComposedStandard {
        cover = List.copyOf(cover);
        blocks = List.copyOf(blocks);
    }

    /** The title shown in document metadata: Chinese first when there is one. */
    String metadataTitle() {
        return spec.titleZh() != null ? spec.titleZh() : spec.titleEn();
    }
}
