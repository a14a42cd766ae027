package org.stdsearch.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.stdsearch.classify.FieldAssignment;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.recognise.RecognisedStandard;
import org.stdsearch.recognise.RecognisedStandard.TermEntry;

/**
 * Turns a recognised, classified standard into Lucene documents: one for the standard and one per
 * term entry, written together as a block under the standard's path. The only place a Lucene
 * {@link Document} is built.
 */
final class LuceneDocuments {
  private LuceneDocuments() {}

  /** Stable id of the document at {@code relativePath}: the same path gives the same id. */
  static String idOf(String relativePath) {
    return StandardFields.id(relativePath);
  }

  /**
   * @param stateKey content hash plus sidecar fingerprint: what decides "unchanged" on re-runs
   * @param fileModified the file's trusted modification time (epoch ms), or {@link IndexedFile#NO_STAMP}
   */
  static List<Document> build(RecognisedStandard standard, List<FieldAssignment> fields, Taxonomy taxonomy,
      String stateKey, long fileModified) {
    ExtractedDocument source = standard.document();
    String id = idOf(source.relativePath());
    StandardMetadata metadata = StandardFields.metadata(id, standard, fields);

    Document doc = new Document();
    doc.add(new StringField(Schema.KIND, Schema.KIND_STANDARD, Field.Store.NO));
    Schema.addKeyword(doc, Schema.ID, id);
    Schema.addKeyword(doc, Schema.PATH, source.relativePath());
    Schema.addKeyword(doc, Schema.HASH, stateKey);
    // Always present, so a later in-place update of the time finds the field in every segment.
    doc.add(new NumericDocValuesField(Schema.FILE_MODIFIED, fileModified));
    doc.add(new LongField(Schema.SIZE, source.sizeBytes(), Field.Store.YES));
    Schema.addKeyword(doc, Schema.MIME, source.mimeType());
    Schema.addKeyword(doc, Schema.EXTRACTION_STATUS, source.status().id());
    if (source.reason() != null) {
      Schema.addStored(doc, Schema.EXTRACTION_REASON, source.reason());
    }
    Schema.addPageStarts(doc, source.pageStarts());
    Schema.addStored(doc, Schema.RECORD_JSON, MetadataCodec.write(metadata));
    Schema.addHitRecord(doc, MetadataCodec.writeUtf8(metadata.forHits()));
    Schema.addClauseSpans(doc, metadata.clauses());

    Schema.addTitle(doc, Schema.TITLE, StandardFields.titleText(standard));
    if (standard.titleZh() != null) {
      Schema.addStored(doc, Schema.TITLE_ZH, standard.titleZh());
    }
    if (standard.titleEn() != null) {
      Schema.addStored(doc, Schema.TITLE_EN, standard.titleEn());
    }
    doc.add(new Field(Schema.SUGGEST, StandardFields.suggestText(standard), org.apache.lucene.document.TextField.TYPE_NOT_STORED));

    if (standard.identifier() != null) {
      Schema.addKeyword(doc, Schema.IDENTIFIER, standard.identifier());
    }
    for (String key : standard.identifierKeys()) {
      Schema.addKeyword(doc, Schema.IDENTIFIER_KEY, key);
    }
    StandardFields.undatedKey(standard).ifPresent(key -> Schema.addKeyword(doc, Schema.UNDATED_KEY, key));
    if (standard.family() != null) {
      Schema.addKeyword(doc, Schema.FAMILY, standard.family());
    }
    if (standard.year() != null) {
      Schema.addYear(doc, standard.year());
    }
    if (standard.published() != null) {
      Schema.addDate(doc, Schema.PUBLISHED, standard.published().toEpochDay());
    }
    if (standard.implemented() != null) {
      Schema.addDate(doc, Schema.IMPLEMENTED, standard.implemented().toEpochDay());
    }
    Schema.addSortDate(doc, StandardFields.sortDate(standard));
    for (String ics : standard.ics()) {
      Schema.addKeyword(doc, Schema.ICS, ics);
    }
    for (String ccs : standard.ccs()) {
      Schema.addKeyword(doc, Schema.CCS, ccs);
    }
    for (String key : standard.replaces()) {
      Schema.addKeyword(doc, Schema.REPLACES, key);
    }
    Set<String> referenceKeys = new LinkedHashSet<>();
    standard.references().forEach(r -> referenceKeys.add(r.key()));
    for (String key : referenceKeys) {
      Schema.addKeyword(doc, Schema.REFERENCES, key);
    }
    if (standard.declaredStatus() != null) {
      Schema.addKeyword(doc, Schema.DECLARED_STATUS, standard.declaredStatus());
    }
    if (standard.kind() != null) {
      Schema.addKeyword(doc, Schema.TYPE, standard.kind());
    }
    if (standard.level() != null) {
      Schema.addKeyword(doc, Schema.LEVEL, standard.level());
    }
    for (String lang : standard.language().split(",")) {
      if (!lang.isBlank()) {
        Schema.addKeyword(doc, Schema.LANG, lang.trim());
      }
    }
    for (FieldAssignment field : fields) {
      Schema.addTechnologyField(doc, taxonomy.path(field.fieldId()));
    }
    // Last: reading the other stored fields stops before the text (Schema.storedFields).
    Schema.addContent(doc, source.text());

    List<Document> block = new ArrayList<>();
    for (TermEntry term : standard.terms()) {
      block.add(termDocument(id, source.relativePath(), term));
    }
    block.add(doc); // parent last, as Lucene's block-join convention has it
    return block;
  }

  private static Document termDocument(String standardId, String path, TermEntry term) {
    Document doc = new Document();
    doc.add(new StringField(Schema.KIND, Schema.KIND_TERM, Field.Store.NO));
    // Term entries carry the standard's path so a re-index or delete replaces them with it.
    Schema.addKeyword(doc, Schema.PATH, path);
    Schema.addKeyword(doc, Schema.TERM_SOURCE, standardId);
    if (term.termZh() != null) {
      Schema.addTitle(doc, Schema.TERM_ZH, term.termZh());
    }
    if (term.termEn() != null) {
      Schema.addTitle(doc, Schema.TERM_EN, term.termEn());
    }
    if (term.termZh() != null && term.termEn() != null) {
      Schema.addTermPair(doc, term.termZh(), term.termEn());
    }
    if (term.definition() != null) {
      Schema.addTitle(doc, Schema.TERM_DEFINITION, term.definition());
    }
    if (term.clause() != null) {
      Schema.addStored(doc, Schema.TERM_CLAUSE, term.clause());
    }
    doc.add(new Field(Schema.SUGGEST, StandardFields.termSuggestText(term), org.apache.lucene.document.TextField.TYPE_NOT_STORED));
    return doc;
  }

}
