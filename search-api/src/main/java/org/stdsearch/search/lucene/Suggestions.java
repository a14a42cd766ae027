package org.stdsearch.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.stdsearch.index.Schema;
import org.stdsearch.recognise.IdentifierParser;
import org.stdsearch.search.Suggestion;
import org.stdsearch.search.TermHit;
import org.stdsearch.search.StandardNotFoundException;

/**
 * As-you-type suggestions and term lookups. Suggestions are a plain query on {@link Schema#SUGGEST}
 * (indexed as edge n-grams, so a typed token matches any word it begins): every typed token is
 * required, consecutive Han characters as a phrase. No separate suggester structure to rebuild
 * per reader: the postings are the structure.
 */
final class Suggestions {
  static final String IDENTIFIER = "identifier";
  static final String TITLE = "title";
  static final String TERM = "term";
  /** Hits read per suggestion wanted: some collapse as duplicates. */
  private static final int OVERFETCH = 4;
  private static final Analyzer QUERY_ANALYZER = Schema.suggestQueryAnalyzer();
  private static final UserQueryParser TERM_PARSER = new UserQueryParser(
      Map.of(Schema.TERM_ZH, 3f, Schema.TERM_EN, 3f, Schema.TERM_DEFINITION, 1f), Schema.textAnalyzer());
  private static final Set<String> STANDARD_FIELDS = Set.of(Schema.ID,
      Schema.TITLE_ZH, Schema.TITLE_EN, Schema.TERM_ZH, Schema.TERM_EN, Schema.TERM_SOURCE);

  private Suggestions() {}

  static List<Suggestion> suggest(IndexSearcher searcher, String prefix, int size) throws IOException {
    List<String> tokens = new ArrayList<>();
    Query query = suggestQuery(prefix, tokens);
    if (query == null) {
      return List.of();
    }
    boolean identifierLike = !IdentifierParser.queryKeys(prefix).isEmpty() || prefix.chars().anyMatch(Character::isDigit);
    Map<String, Suggestion> unique = new LinkedHashMap<>();
    for (ScoreDoc sd : searcher.search(query, size * OVERFETCH).scoreDocs) {
      Document d = StoredValues.read(searcher, sd.doc, STANDARD_FIELDS);
      Suggestion s = d.get(Schema.TERM_SOURCE) != null ? termSuggestion(d, tokens)
          : standardSuggestion(d, StoredValues.identifier(searcher.getIndexReader(), sd.doc), tokens);
      if (s != null) {
        unique.putIfAbsent(s.type() + "\u0000" + s.text(), s);
      }
    }
    List<String> order = identifierLike ? List.of(IDENTIFIER, TITLE, TERM) : List.of(TITLE, TERM, IDENTIFIER);
    return unique.values().stream()
        .sorted(Comparator.comparingInt((Suggestion s) -> order.indexOf(s.type())))
        .limit(size)
        .toList();
  }

  /** All tokens required; runs of Han characters as phrases (each character is its own token). */
  private static Query suggestQuery(String prefix, List<String> tokens) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    PhraseQuery.Builder run = null;
    int runLength = 0;
    int clauses = 0;
    try (TokenStream ts = QUERY_ANALYZER.tokenStream(Schema.SUGGEST, prefix)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        tokens.add(t);
        boolean han = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC].equals(type.type());
        if (han) {
          if (run == null) {
            run = new PhraseQuery.Builder();
            runLength = 0;
          }
          run.add(new Term(Schema.SUGGEST, t), runLength++);
          continue;
        }
        if (run != null) {
          b.add(run.build(), Occur.MUST);
          run = null;
          clauses++;
        }
        b.add(new TermQuery(new Term(Schema.SUGGEST, t)), Occur.MUST);
        clauses++;
      }
      ts.end();
    }
    if (run != null) {
      b.add(run.build(), Occur.MUST);
      clauses++;
    }
    if (clauses == 0 || clauses > UserQueryParser.MAX_WORDS) {
      return null;
    }
    return b.build();
  }

  private static Suggestion standardSuggestion(Document d, String identifier, List<String> tokens) {
    String id = d.get(Schema.ID);
    for (String[] candidate : new String[][] {
        {IDENTIFIER, identifier}, {TITLE, d.get(Schema.TITLE_ZH)}, {TITLE, d.get(Schema.TITLE_EN)}}) {
      if (containsAll(candidate[1], tokens)) {
        return new Suggestion(candidate[1], candidate[0], id);
      }
    }
    return null;
  }

  private static Suggestion termSuggestion(Document d, List<String> tokens) {
    for (String text : new String[] {d.get(Schema.TERM_ZH), d.get(Schema.TERM_EN)}) {
      if (containsAll(text, tokens)) {
        return new Suggestion(text, TERM, d.get(Schema.TERM_SOURCE));
      }
    }
    return null;
  }

  /** The candidate the match came from: it contains every typed token. */
  private static boolean containsAll(String text, List<String> tokens) {
    if (text == null) {
      return false;
    }
    String lower = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return tokens.stream().allMatch(lower::contains);
  }

  static List<TermHit> terms(IndexSearcher searcher, String q, int size) throws IOException {
    Query query = new BooleanQuery.Builder()
        .add(TERM_PARSER.parseText(q), Occur.MUST)
        .add(new TermQuery(new Term(Schema.KIND, Schema.KIND_TERM)), Occur.FILTER)
        .build();
    List<TermHit> out = new ArrayList<>();
    Map<String, String> identifiers = new java.util.HashMap<>();
    Set<String> fields = Set.of(Schema.TERM_ZH, Schema.TERM_EN, Schema.TERM_DEFINITION, Schema.TERM_CLAUSE,
        Schema.TERM_SOURCE);
    for (ScoreDoc sd : searcher.search(query, size).scoreDocs) {
      Document d = StoredValues.read(searcher, sd.doc, fields);
      String source = d.get(Schema.TERM_SOURCE);
      String identifier = identifiers.computeIfAbsent(source, s -> identifierOf(searcher, s));
      out.add(new TermHit(d.get(Schema.TERM_ZH), d.get(Schema.TERM_EN), d.get(Schema.TERM_DEFINITION),
          d.get(Schema.TERM_CLAUSE), source, identifier));
    }
    return out;
  }

  private static String identifierOf(IndexSearcher searcher, String id) {
    try {
      return StoredValues.identifier(searcher.getIndexReader(), StandardDetails.docOf(searcher, id));
    } catch (StandardNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
