package org.stdsearch.search;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.stdsearch.index.Schema;

/**
 * Reads what a hit needs without paying for the full text: stored fields are read up to
 * {@link Schema#CONTENT} and no further (a 20M-character standard would otherwise be
 * decompressed for every hit and every suggestion), and the identifier comes from doc values.
 */
final class StoredValues {
  private StoredValues() {}

  /** The requested stored fields; {@link Schema#CONTENT} and fields after it only when asked for. */
  static Document read(IndexSearcher searcher, int doc, Set<String> fields) throws IOException {
    boolean wantsContent = fields.contains(Schema.CONTENT);
    DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(fields) {
      @Override
      public Status needsField(FieldInfo fieldInfo) throws IOException {
        if (!wantsContent && fieldInfo.name.equals(Schema.CONTENT)) {
          return Status.STOP;
        }
        return super.needsField(fieldInfo);
      }
    };
    searcher.storedFields().document(doc, visitor);
    return visitor.getDocument();
  }

  /** The display identifier of a standard (top-level doc id), or null. */
  static String identifier(IndexReader reader, int doc) throws IOException {
    return keyword(reader, doc, Schema.IDENTIFIER);
  }

  /** First value of a keyword field (indexed with doc values) of a top-level doc id, or null. */
  static String keyword(IndexReader reader, int doc, String field) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), field);
    if (!dv.advanceExact(doc - leaf.docBase)) {
      return null;
    }
    return dv.lookupOrd(dv.nextOrd()).utf8ToString();
  }
}
