package org.stdsearch.index.opensearch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stdsearch.classify.FieldAssignment;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.index.IndexEntry;
import org.stdsearch.index.StandardFields;
import org.stdsearch.index.StandardMetadata;
import org.stdsearch.opensearch.Documents;
import org.stdsearch.opensearch.Documents.PassageDocument;
import org.stdsearch.opensearch.Documents.StandardDocument;
import org.stdsearch.opensearch.Documents.TermDocument;
import org.stdsearch.opensearch.Passages;
import org.stdsearch.recognise.RecognisedStandard;

/**
 * Turns a recognised, classified standard into the cluster's documents: the standard, its term
 * entries and its passages, all tagged with one generation so older copies can be told apart. The
 * values are the embedded index's ({@link StandardFields}): the same id, record and fields.
 */
final class StandardDocuments {
  private StandardDocuments() {}

  /** Everything written for one standard. */
  record Written(StandardDocument standard, List<TermDocument> terms, List<PassageDocument> passages) {}

  static Written of(IndexEntry entry, Taxonomy taxonomy, String generation) {
    RecognisedStandard s = entry.standard();
    ExtractedDocument d = s.document();
    String path = entry.path();
    String id = StandardFields.id(path);
    StandardMetadata m = StandardFields.metadata(id, s, entry.fields());
    // the stored record's JSON, which the search side reads as the contract's record (same shape)
    var record = Documents.mapper().valueToTree(m);
    String hit;
    try {
      hit = java.util.Base64.getEncoder().encodeToString(Documents.mapper().writeValueAsBytes(m.forHits()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Set<String> fieldIds = new LinkedHashSet<>();
    for (FieldAssignment f : entry.fields()) {
      fieldIds.addAll(taxonomy.path(f.fieldId()));
    }
    List<String> lang = new ArrayList<>();
    for (String l : s.language().split(",")) {
      if (!l.isBlank()) {
        lang.add(l.strip());
      }
    }
    List<String> references = s.references().stream().map(RecognisedStandard.Reference::key).distinct().toList();
    StandardDocument standard = new StandardDocument(id, path, generation, s.identifier(), s.identifierKeys(),
        StandardFields.undatedKey(s).orElse(null), s.family(), s.year(), s.published(), s.implemented(),
        StandardFields.sortDate(s), s.ics(), s.ccs(), s.replaces(), references, s.declaredStatus(), null, s.kind(),
        s.level(), lang, List.copyOf(fieldIds), d.mimeType(), d.status().id(), d.contentHash(), StandardFields.charset(d),
        StandardFields.titleText(s), d.text(), StandardFields.suggestText(s), d.pageStarts(), hit, (com.fasterxml.jackson.databind.JsonNode) record);

    List<TermDocument> terms = new ArrayList<>();
    for (RecognisedStandard.TermEntry t : s.terms()) {
      List<String> keys = t.termZh() != null && t.termEn() != null
          ? StandardFields.glossaryPair(t.termZh(), t.termEn()).orElse(List.of()) : List.of();
      terms.add(new TermDocument(path, generation, id, t.termZh(), t.termEn(), t.definition(), t.clause(), keys,
          keys.isEmpty() ? null : keys.get(0) + '\t' + keys.get(1), StandardFields.termSuggestText(t)));
    }

    List<Passages.ClauseSpan> spans = s.clauses().stream()
        .map(c -> new Passages.ClauseSpan(c.number(), Math.max(0, c.start()), Math.max(0, c.end()))).toList();
    List<PassageDocument> passages = new ArrayList<>();
    for (Passages.Passage p : Passages.split(d.text(), d.pageStarts(), spans)) {
      passages.add(new PassageDocument(id, path, generation, p.page(), p.clause(), p.start(), p.text()));
    }
    return new Written(standard, terms, passages);
  }
}
