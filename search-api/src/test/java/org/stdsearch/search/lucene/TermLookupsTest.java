package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Term queries handed their remembered dictionary entries score and match exactly as without them. */
class TermLookupsTest {
  @TempDir Path tmp;

  @Test
  void resolvedQueriesFindAndScoreTheSame() throws Exception {
    String[] words = {"data", "security", "cloud", "network", "protocol", "element"};
    try (Directory dir = FSDirectory.open(tmp); IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
      for (int i = 0; i < 400; i++) {
        Document doc = new Document();
        String text = words[i % 6] + " " + words[(i * 7) % 6] + " " + words[(i / 3) % 6];
        doc.add(new TextField("content", text, Field.Store.NO));
        doc.add(new StringField("kind", i % 5 == 0 ? "term" : "standard", Field.Store.NO));
        writer.addDocument(doc);
        if (i % 100 == 99) {
          writer.commit();
        }
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        TermLookups lookups = new TermLookups(reader);
        Query query = new BooleanQuery.Builder()
            .add(new DisjunctionMaxQuery(List.of(term("data"), new BoostQuery(term("cloud"), 3f)), 0.1f), Occur.MUST)
            .add(new BooleanQuery.Builder().add(term("security"), Occur.SHOULD).add(term("absent"), Occur.SHOULD)
                .setMinimumNumberShouldMatch(1).build(), Occur.SHOULD)
            .add(new ConstantScoreQuery(new TermQuery(new Term("kind", "standard"))), Occur.FILTER)
            .add(new TermQuery(new Term("kind", "term")), Occur.MUST_NOT)
            .build();
        Query resolved = lookups.resolved(query);
        assertThat(resolved).isEqualTo(query); // equal as queries (the query cache keys on them)
        List<TermQuery> carried = new ArrayList<>();
        resolved.visit(new QueryVisitor() {
          @Override
          public void consumeTerms(Query leaf, Term... terms) {
            if (leaf instanceof TermQuery t && t.getTermStates() != null) {
              carried.add(t);
            }
          }

          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }
        });
        assertThat(carried).hasSize(6);
        // a second query of the same words gets the same entries, not new look-ups
        assertThat(((TermQuery) ((BooleanQuery) lookups.resolved(new BooleanQuery.Builder()
            .add(term("data"), Occur.MUST).build())).clauses().get(0).query()).getTermStates())
            .isSameAs(carried.stream().filter(t -> t.getTerm().text().equals("data")).findFirst().orElseThrow()
                .getTermStates());

        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        TopDocs plain = searcher.search(query, 400);
        TopDocs withStates = searcher.search(resolved, 400);
        assertThat(withStates.totalHits).isEqualTo(plain.totalHits);
        assertThat(plain.scoreDocs).isNotEmpty();
        for (int i = 0; i < plain.scoreDocs.length; i++) {
          ScoreDoc a = plain.scoreDocs[i];
          ScoreDoc b = withStates.scoreDocs[i];
          assertThat(b.doc).isEqualTo(a.doc);
          assertThat(b.score).isEqualTo(a.score);
        }
      }
    }
  }

  private static TermQuery term(String word) {
    return new TermQuery(new Term("content", word));
  }
}
