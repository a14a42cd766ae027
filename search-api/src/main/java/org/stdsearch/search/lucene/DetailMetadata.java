package org.stdsearch.search.lucene;

import org.stdsearch.index.StandardMetadata;
import org.stdsearch.recognise.RecognisedStandard;
import org.stdsearch.search.StandardDetail;

/**
 * The indexer's stored record as the contract's {@link StandardDetail.Metadata}: the same values
 * under the same names, so the detail JSON keeps its shape while the contract stays free of the
 * indexer's and recogniser's types.
 */
final class DetailMetadata {
  private DetailMetadata() {}

  static StandardDetail.Metadata of(StandardMetadata m) {
    return new StandardDetail.Metadata(m.id(), m.path(), m.identifier(), m.identifierKeys(), m.family(), m.titleZh(),
        m.titleEn(), m.published(), m.implemented(), m.year(), m.issuers(), m.ics(), m.ccs(), m.replaces(),
        adoption(m.adoption()), m.type(), m.level(), m.language(), m.declaredStatus(),
        m.fields().stream().map(f -> new StandardDetail.FieldRef(f.id(), f.confidence())).toList(),
        m.clauses().stream().map(DetailMetadata::clause).toList(),
        m.terms().stream().map(t -> new StandardDetail.TermEntry(t.termZh(), t.termEn(), t.definition(), t.clause()))
            .toList(),
        m.references().stream().map(r -> new StandardDetail.Reference(r.identifier(), r.key(), r.normative())).toList(),
        extraction(m.extraction()));
  }

  private static StandardDetail.Adoption adoption(RecognisedStandard.Adoption a) {
    return a == null ? null : new StandardDetail.Adoption(a.relation(), a.identifier());
  }

  private static StandardDetail.Clause clause(RecognisedStandard.Clause c) {
    return new StandardDetail.Clause(c.number(), c.heading(), c.start(), c.end(), c.pageFrom(), c.pageTo());
  }

  private static StandardDetail.Extraction extraction(StandardMetadata.Extraction e) {
    return e == null ? null : new StandardDetail.Extraction(e.status(), e.reason(), e.mimeType(), e.sizeBytes(),
        e.contentHash(), e.pages(), e.millis());
  }
}
