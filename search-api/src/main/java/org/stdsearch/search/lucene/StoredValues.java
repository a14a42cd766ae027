package org.stdsearch.search.lucene;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.stdsearch.index.Schema;

/**
 * Reads what a hit needs. The full text is the last stored field (see {@link Schema#CONTENT}):
 * reading others stops before it, and {@link Schema#content} reads it when a caller wants it.
 */
final class StoredValues {
  private StoredValues() {}

  /** The requested stored fields of a top-level doc id. */
  static Document read(IndexSearcher searcher, int doc, Set<String> fields) throws IOException {
    return Schema.storedFields(searcher.getIndexReader(), doc, fields);
  }

  /** The display identifier of a standard (top-level doc id), or null. */
  static String identifier(IndexReader reader, int doc) throws IOException {
    return keyword(reader, doc, Schema.IDENTIFIER);
  }

  /** The year of a standard (top-level doc id), or null. */
  static Integer year(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedNumericDocValues dv = DocValues.getSortedNumeric(leaf.reader(), Schema.YEAR);
    return dv.advanceExact(doc - leaf.docBase) ? (int) dv.nextValue() : null;
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
