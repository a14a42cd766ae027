package org.stdsearch.search.lucene;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.stdsearch.index.Schema;
import org.stdsearch.index.StandardMetadata;
import org.stdsearch.recognise.RecognisedStandard.Reference;
import org.stdsearch.search.SearchResponse;
import org.stdsearch.search.StandardDetail;
import org.stdsearch.search.StandardNotFoundException;

/** The detail view of one standard: its record plus what other documents say about it. */
final class StandardDetails {
  static final int SIMILAR = 5;
  private static final int MAX_LINKS = 100;
  /** MoreLikeThis reads at most this much of a standard: enough to characterise it, cheap at 20M chars. */
  private static final int SIMILAR_CHARS = 50_000;

  private final LuceneSearchService.Context ctx;
  private final IndexSearcher searcher;

  StandardDetails(LuceneSearchService.Context ctx) {
    this.ctx = ctx;
    this.searcher = ctx.searcher();
  }

  /** The top-level doc id of standard {@code id}, or {@link StandardNotFoundException}. */
  static int docOf(IndexSearcher searcher, String id) throws IOException {
    if (id == null || id.isBlank()) {
      throw new StandardNotFoundException(String.valueOf(id));
    }
    TopDocs td = searcher.search(LuceneSearchService.standardsOnly(new TermQuery(new Term(Schema.ID, id))), 1);
    if (td.scoreDocs.length == 0) {
      throw new StandardNotFoundException(id);
    }
    return td.scoreDocs[0].doc;
  }

  StandardDetail detail(String id, String lang) throws IOException {
    int doc = docOf(searcher, id);
    StandardMetadata m = LuceneSearchService.metadata(searcher, doc);
    List<SearchResponse.FieldLabel> fields = m.fields().stream().map(f -> ctx.labels().fieldLabel(f.id(), lang)).toList();

    List<StandardDetail.Link> references = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Reference r : m.references()) {
      if (seen.add(r.key())) {
        references.add(resolve(r.identifier(), r.key(), doc));
      }
    }
    List<StandardDetail.Link> replaces = new ArrayList<>();
    for (String key : m.replaces()) {
      replaces.add(resolve(key, key, doc));
    }
    List<String> keys = m.identifierKeys();
    List<StandardDetail.Link> referencedBy = keys.isEmpty() ? List.of() : links(termsQuery(Schema.REFERENCES, keys), doc);
    Map<String, StandardDetail.Link> replacedBy = new LinkedHashMap<>();
    if (!keys.isEmpty()) {
      links(termsQuery(Schema.REPLACES, keys), doc).forEach(l -> replacedBy.put(l.id(), l));
      if (m.year() != null) {
        for (StandardDetail.Link l : newerEditions(doc, m)) {
          replacedBy.putIfAbsent(l.id(), l);
        }
      }
    }
    int pages = m.extraction() == null ? 1 : Math.max(1, m.extraction().pages());
    return new StandardDetail(DetailMetadata.of(m), ctx.state().status(doc, ctx.today()), fields, references, referencedBy, replaces,
        List.copyOf(replacedBy.values()), similar(doc, m), pages);
  }

  /** A cited identifier, with the id of the indexed standard it names (a current one preferred). */
  private StandardDetail.Link resolve(String identifier, String key, int self) throws IOException {
    TopDocs td = searcher.search(LuceneSearchService.standardsOnly(new TermQuery(new Term(Schema.IDENTIFIER_KEY, key))), 10);
    ScoreDoc best = null;
    for (ScoreDoc sd : td.scoreDocs) {
      if (sd.doc == self) {
        continue;
      }
      if (best == null || (ctx.state().demoted(best.doc) && !ctx.state().demoted(sd.doc))) {
        best = sd;
      }
    }
    if (best == null) {
      return new StandardDetail.Link(identifier, null, null);
    }
    StandardMetadata m = LuceneSearchService.metadata(searcher, best.doc);
    return new StandardDetail.Link(identifier, m.id(), title(m));
  }

  private List<StandardDetail.Link> newerEditions(int self, StandardMetadata m) throws IOException {
    String undated = StoredValues.keyword(searcher.getIndexReader(), self, Schema.UNDATED_KEY);
    if (undated == null) {
      return List.of();
    }
    List<StandardDetail.Link> out = new ArrayList<>();
    for (StandardDetail.Link l : links(new TermQuery(new Term(Schema.UNDATED_KEY, undated)), self)) {
      StandardMetadata other = LuceneSearchService.metadata(searcher, docOf(searcher, l.id()));
      if (other.year() != null && other.year() > m.year()) {
        out.add(l);
      }
    }
    return out;
  }

  private static Query termsQuery(String field, List<String> values) {
    return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
  }

  private List<StandardDetail.Link> links(Query query, int self) throws IOException {
    List<StandardDetail.Link> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(LuceneSearchService.standardsOnly(query), MAX_LINKS).scoreDocs) {
      if (sd.doc != self) {
        StandardMetadata m = LuceneSearchService.metadata(searcher, sd.doc);
        out.add(new StandardDetail.Link(m.identifier(), m.id(), title(m)));
      }
    }
    return out;
  }

  private List<StandardDetail.Link> similar(int self, StandardMetadata m) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(Schema.textAnalyzer());
    mlt.setFieldNames(new String[] {Schema.CONTENT, Schema.TITLE});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    mlt.setMaxQueryTerms(30);
    mlt.setMaxNumTokensParsed(10_000);
    Document d = StoredValues.read(searcher, self, Set.of(Schema.TITLE));
    String content = Schema.content(searcher.getIndexReader(), self);
    String title = d.get(Schema.TITLE) == null ? "" : d.get(Schema.TITLE);
    Query like = mlt.like(Schema.CONTENT, new StringReader(content.substring(0, Math.min(content.length(), SIMILAR_CHARS))),
        new StringReader(title));
    Query query = new BooleanQuery.Builder()
        .add(like, Occur.MUST)
        .add(new TermQuery(new Term(Schema.ID, m.id())), Occur.MUST_NOT)
        .build();
    List<StandardDetail.Link> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(LuceneSearchService.standardsOnly(query), SIMILAR).scoreDocs) {
      StandardMetadata other = LuceneSearchService.metadata(searcher, sd.doc);
      out.add(new StandardDetail.Link(other.identifier(), other.id(), title(other)));
    }
    return out;
  }

  private static String title(StandardMetadata m) {
    return m.titleZh() != null ? m.titleZh() : m.titleEn();
  }
}
