package org.stdsearch.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.stdsearch.recognise.RecognisedStandard.Clause;

/**
 * The one place that knows the index layout: every field name, how each field is indexed, the
 * analyzers and the facet configuration. The indexer writes with it and the search API reads with
 * it, so the two cannot disagree (Lucene's facet package-info warns that search-time facet config
 * must match index-time config).
 */
public final class Schema {
  private Schema() {}

  /**
   * Layout version, recorded in each commit's user data under {@link #VERSION_KEY}. An index
   * written with another version is rebuilt by the next run (see {@code LuceneSink.openWriter}):
   * 2 moved the full text and the page starts from stored fields to doc values and added
   * {@link #HIT_JSON} and {@link #CLAUSE_SPANS}; 3 added {@link #TERM_PAIR}; 4 made the glossary
   * a lookup in the index ({@link #GLOSSARY_KEY}) and added {@link #FILE_MODIFIED}; 5 added
   * {@link #CONTENT_PAIRS}; 6 dropped the facet field of all dimensions (facets are counted from
   * each field's own doc values) and moved the full text back to the stored fields, compressed; 7
   * indexed the full text and the titles without offsets and stored {@link #CONTENT_OFFSETS} instead.
   */
  public static final String VERSION = "7";
  public static final String VERSION_KEY = "stdsearch.schema";

  // ---- identity and bookkeeping -------------------------------------------------------------
  /** Stable document id (from the relative path): the API's {@code /standards/{id}}. */
  public static final String ID = "id";
  /** Path below the docs root: the key {@code updateDocuments} replaces on re-runs. */
  public static final String PATH = "path";
  /** SHA-256 of the file: unchanged files are skipped on re-runs (read from doc values). */
  public static final String HASH = "hash";
  public static final String SIZE = "size";
  /**
   * The file's modification time (epoch ms) in numeric doc values, or {@code Long.MIN_VALUE} when it
   * was too recent to trust: a file with its indexed size and time is not re-read on later passes.
   */
  public static final String FILE_MODIFIED = "file_modified";
  public static final String MIME = "mime";
  public static final String EXTRACTION_STATUS = "extraction_status";
  public static final String EXTRACTION_REASON = "extraction_reason";
  /** Offsets where pages start, as varints in binary doc values: hits are placed on a page. */
  public static final String PAGE_STARTS = "page_starts";
  /** {@code standard} for a standard, {@code term} for a term entry harvested from one. */
  public static final String KIND = "kind";
  public static final String KIND_STANDARD = "standard";
  public static final String KIND_TERM = "term";
  /** Everything recognised about a standard, as JSON, for the detail view and hit rendering. */
  public static final String RECORD_JSON = "record_json";
  /**
   * The record without its clauses, terms and references (which only the detail view shows), as UTF-8
   * JSON in binary doc values: every hit reads this and the page starts without touching the
   * compressed stored fields (stored-field decompression plus parsing the 5.6 KB average record
   * from a String were ~60% of a search without snippets).
   */
  public static final String HIT_JSON = "hit_json";
  /** Number and offsets of each clause, binary doc values ({@link ClauseSpans}): snippets name their clause. */
  public static final String CLAUSE_SPANS = "clause_spans";

  // ---- searchable text ----------------------------------------------------------------------
  /** Titles in both languages, analyzed bilingually; boosted at query time. */
  public static final String TITLE = "title";
  public static final String TITLE_ZH = "title_zh";
  public static final String TITLE_EN = "title_en";
  /**
   * Full text: indexed with positions (the highlighter maps them to characters with {@link
   * #CONTENT_OFFSETS}) and stored, compressed with
   * the other stored fields, as the last of them. Only highlighting, the text view and "similar"
   * read it: hits read their record from doc values ({@link #HIT_JSON}), and reading stored fields
   * stops before the text ({@link #storedFields}). Compressed storage takes a fraction of what
   * uncompressed doc values would (docs/benchmarks.md has the figures).
   */
  public static final String CONTENT = "content";
  /**
   * Pairs of adjacent tokens of {@link #CONTENT} ({@link TokenPairs}: two Latin words, or the
   * three Han characters of two overlapping bigrams), with frequencies but no positions: a phrase is
   * looked up by its pairs instead of, or before, matching positions. Elasticsearch's
   * {@code index_phrases} does the same for words, for the same reason.
   */
  public static final String CONTENT_PAIRS = "content_pairs";
  /**
   * Where each position of {@link #CONTENT} starts and ends in the text ({@link PositionOffsets}),
   * stored after it: the highlighter places matches with it.
   */
  public static final String CONTENT_OFFSETS = "content_offsets";
  /** Identifier, titles and terms as edge n-grams: as-you-type suggestions. */
  public static final String SUGGEST = "suggest";

  // ---- the standard as a standard -----------------------------------------------------------
  public static final String IDENTIFIER = "identifier";
  /** Normalised identifier keys (dated, undated, series root, number): exact identifier hits. */
  public static final String IDENTIFIER_KEY = "identifier_key";
  /** The undated key alone: the editions of one standard share it. */
  public static final String UNDATED_KEY = "undated_key";
  public static final String FAMILY = "family";
  public static final String YEAR = "year";
  public static final String PUBLISHED = "published";
  public static final String IMPLEMENTED = "implemented";
  /** Publication day (epoch day), else Jan 1 of the year: sort by newest/oldest. */
  public static final String SORT_DATE = "sort_date";
  public static final String ICS = "ics";
  public static final String CCS = "ccs";
  public static final String REPLACES = "replaces";
  public static final String REFERENCES = "references";
  public static final String DECLARED_STATUS = "declared_status";
  public static final String TYPE = "type";
  public static final String LEVEL = "level";
  public static final String LANG = "lang";
  /** Technology field ids, each with all its ancestors: filtering by a parent includes children. */
  public static final String FIELD_ID = "field_id";

  // ---- term entries (KIND_TERM documents) ----------------------------------------------------
  public static final String TERM_ZH = "term_zh";
  /**
   * The zh⇄en glossary: a term entry with both names, each in its {@link #glossaryKey normal
   * form}, indexed under {@link #GLOSSARY_KEY} and kept as "zh TAB en" in binary doc values. A
   * query looks its words up here instead of every reader building the whole glossary in memory
   * (~1 s of the first search on 10,000 standards, and again after every refresh).
   */
  public static final String GLOSSARY_KEY = "glossary_key";
  public static final String TERM_PAIR = "term_pair";
  /** Longest name kept in the glossary; longer ones are sentences, not names. */
  public static final int MAX_GLOSSARY_TERM = 64;
  public static final String TERM_EN = "term_en";
  public static final String TERM_DEFINITION = "term_definition";
  public static final String TERM_CLAUSE = "term_clause";
  /** Id of the standard a term entry comes from. */
  public static final String TERM_SOURCE = "term_source";

  // ---- analyzers ----------------------------------------------------------------------------

  /**
   * Query side of the text fields, Chinese and English together: StandardTokenizer splits Latin
   * words and single Han characters; full-width forms are folded; Han runs become overlapping
   * bigrams (a lone Han character stays a unigram); English words are Porter-stemmed. No stop
   * words, so phrases keep every word. Chosen by measurement against smartcn, ICU and a
   * two-field combination: see AnalyzerComparisonTest and docs/relevance-log.md.
   */
  public static Analyzer textAnalyzer() {
    return bilingual(false);
  }

  /**
   * Index side of the text fields: as {@link #textAnalyzer()}, but every Han character is also
   * kept as a unigram beside the bigrams, so a one-character query finds a character that sits
   * inside a longer run (measured: MRR@10 0.9797 vs 0.9662 for bigrams alone, +27% postings).
   * Queries stay on bigrams: querying with unigrams too would expand every path through the
   * unigram/bigram lattice (over 1024 clauses for a 12-character run).
   */
  public static Analyzer textIndexAnalyzer() {
    return bilingual(true);
  }

  /** Whether {@code reader}'s index has {@link #CONTENT_PAIRS} (written by schema 5 on). */
  public static boolean hasContentPairs(IndexReader reader) {
    return reader.leaves().stream().anyMatch(leaf -> leaf.reader().getFieldInfos().fieldInfo(CONTENT_PAIRS) != null);
  }

  /** Reused across calls: an analyzer keeps its token stream components per thread. */
  private static final Analyzer PHRASE_ANALYZER = textAnalyzer();

  /**
   * The {@link #CONTENT_PAIRS} terms of a phrase, in order, as the index holds them: one per two
   * adjacent tokens. Empty unless the phrase is at least two tokens that all pair with each other
   * (all Latin words and numbers, or one run of Han characters), because only then do the pairs
   * cover the whole phrase.
   */
  public static List<String> phrasePairs(String phrase) {
    try (TokenStream ts = PHRASE_ANALYZER.tokenStream(CONTENT, phrase)) {
      return TokenPairs.ofPhrase(ts);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
  }

  private static Analyzer bilingual(boolean unigrams) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, bilingualFilters(source, unigrams));
      }
    };
  }

  private static TokenStream bilingualFilters(Tokenizer source, boolean unigrams) {
    int scripts = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
    TokenStream ts = new CJKWidthFilter(source);
    ts = new LowerCaseFilter(ts);
    ts = new CJKBigramFilter(ts, scripts, unigrams);
    ts = new EnglishPossessiveFilter(ts);
    return new PorterStemFilter(ts);
  }

  /**
   * An identifier or key run together as people type it in the search box, for {@link #SUGGEST}:
   * letters and digits only, lower case ({@code GB/T35273-2020} → {@code gbt353732020}).
   */
  public static String compactIdentifier(String identifier) {
    StringBuilder sb = new StringBuilder(identifier.length());
    identifier.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /** Index side of {@link #SUGGEST}: every token's prefixes (1 to 24 characters). */
  static Analyzer suggestIndexAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new CJKWidthFilter(source);
        ts = new LowerCaseFilter(ts);
        ts = new EdgeNGramTokenFilter(ts, 1, 24, true);
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  /** Query side of {@link #SUGGEST}: whole tokens, matched against the indexed prefixes. */
  public static Analyzer suggestQueryAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new CJKWidthFilter(source);
        ts = new LowerCaseFilter(ts);
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  /** The analyzer to write with: per field, bilingual text by default. */
  public static Analyzer indexAnalyzer() {
    Analyzer keyword = new KeywordAnalyzer();
    return new PerFieldAnalyzerWrapper(
        textIndexAnalyzer(),
        Map.of(SUGGEST, suggestIndexAnalyzer(), IDENTIFIER_KEY, keyword, UNDATED_KEY, keyword));
  }

  // ---- field builders -----------------------------------------------------------------------

  /**
   * Full text with positions (phrases), without offsets: the highlighter takes a match's characters
   * from its position ({@link #CONTENT_OFFSETS}).
   */
  private static final FieldType CONTENT_TYPE = tokenized(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, false);
  /** Titles, term names and definitions: stored, with positions for phrases; nothing highlights them. */
  private static final FieldType TITLE_TYPE = tokenized(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, true);
  /** Token pairs: frequencies for BM25, no positions (a pair already says what follows what). */
  private static final FieldType PAIRS_TYPE = tokenized(IndexOptions.DOCS_AND_FREQS, false);

  private static FieldType tokenized(IndexOptions options, boolean stored) {
    FieldType t = new FieldType();
    t.setIndexOptions(options);
    t.setTokenized(true);
    t.setStored(stored);
    t.freeze();
    return t;
  }

  /**
   * Adds the full text: indexed ({@link #CONTENT}, {@link #CONTENT_PAIRS}) and stored with its
   * {@link #CONTENT_OFFSETS}. Public so that the search side's tests build documents as the indexer does.
   */
  public static void addContent(Document doc, String text) {
    // analysed once, as textIndexAnalyzer() would; its pairs are recorded on the way (TokenPairs)
    Tokenizer source = new StandardTokenizer();
    source.setReader(new StringReader(text));
    PositionOffsets.Recorder offsets = new PositionOffsets.Recorder(bilingualFilters(source, true));
    TokenPairs.Recorder content = new TokenPairs.Recorder(offsets);
    doc.add(new Field(CONTENT, content, CONTENT_TYPE));
    doc.add(new Field(CONTENT_PAIRS, content.pairs(), PAIRS_TYPE));
    doc.add(new StoredField(CONTENT, text));
    // after the text: its value is taken once the text is analysed, and read with it
    doc.add(offsets.storedField(CONTENT_OFFSETS));
  }

  /** The stored full text of a document and where its positions are in it. */
  public record StoredContent(String text, PositionOffsets offsets) {}

  /**
   * The full text of a document of {@code reader} (top-level doc id) with its {@link
   * #CONTENT_OFFSETS}, both from one read of the stored fields; offsets are null for a document
   * without text.
   */
  public static StoredContent contentWithOffsets(IndexReader reader, int doc) throws IOException {
    LeafReaderContext leaf = leafOf(reader, doc);
    String[] text = {""};
    PositionOffsets[] offsets = {null};
    leaf.reader().storedFields().document(doc - leaf.docBase, new StoredFieldVisitor() {
      @Override
      public Status needsField(FieldInfo field) {
        if (field.name.equals(CONTENT)) {
          return Status.YES;
        }
        if (field.name.equals(CONTENT_OFFSETS)) {
          return Status.YES;
        }
        return offsets[0] != null ? Status.STOP : Status.NO;
      }

      @Override
      public void stringField(FieldInfo field, String value) {
        text[0] = value;
      }

      @Override
      public void binaryField(FieldInfo field, byte[] value) {
        offsets[0] = new PositionOffsets(new BytesRef(value));
      }
    });
    return new StoredContent(text[0], offsets[0]);
  }

  /** The full text of a document of {@code leaf} (leaf doc id), or "" when it has none. */
  public static String content(LeafReader leaf, int doc) throws IOException {
    String[] text = {""};
    leaf.storedFields().document(doc, new StoredFieldVisitor() {
      @Override
      public Status needsField(FieldInfo field) {
        return field.name.equals(CONTENT) ? Status.YES : Status.NO;
      }

      @Override
      public void stringField(FieldInfo field, String value) {
        text[0] = value;
      }
    });
    return text[0];
  }

  /**
   * The stored {@code fields} of a document of {@code leaf} (leaf doc id). Stops at the first
   * other field after the last of them: the full text comes last and is not decompressed unless
   * asked for. A field's values are stored one after the other, as the documents are built.
   */
  public static Document storedFields(LeafReader leaf, int doc, Set<String> fields) throws IOException {
    DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(fields) {
      private final Set<String> seen = new HashSet<>();

      @Override
      public Status needsField(FieldInfo field) throws IOException {
        if (fields.contains(field.name)) {
          seen.add(field.name);
          return Status.YES;
        }
        return seen.size() == fields.size() ? Status.STOP : Status.NO;
      }
    };
    leaf.storedFields().document(doc, visitor);
    return visitor.getDocument();
  }

  /** As {@link #storedFields(LeafReader, int, Set)} for a top-level doc id of {@code reader}. */
  public static Document storedFields(IndexReader reader, int doc, Set<String> fields) throws IOException {
    LeafReaderContext leaf = leafOf(reader, doc);
    return storedFields(leaf.reader(), doc - leaf.docBase, fields);
  }

  /** The full text of a document of {@code reader} (top-level doc id), or "". */
  public static String content(IndexReader reader, int doc) throws IOException {
    LeafReaderContext leaf = leafOf(reader, doc);
    return content(leaf.reader(), doc - leaf.docBase);
  }

  /** The binary doc value of {@code field} ({@link #HIT_JSON}, {@link #PAGE_STARTS}) of a top-level doc, or null. */
  public static BytesRef binary(IndexReader reader, int doc, String field) throws IOException {
    LeafReaderContext leaf = leafOf(reader, doc);
    return binary(leaf.reader(), doc - leaf.docBase, field);
  }

  private static BytesRef binary(LeafReader leaf, int doc, String field) throws IOException {
    BinaryDocValues values = leaf.getBinaryDocValues(field);
    return values != null && values.advanceExact(doc) ? values.binaryValue() : null;
  }

  private static LeafReaderContext leafOf(IndexReader reader, int doc) {
    List<LeafReaderContext> leaves = reader.leaves();
    return leaves.get(ReaderUtil.subIndex(doc, leaves));
  }

  static void addTitle(Document doc, String field, String title) {
    doc.add(new Field(field, title, TITLE_TYPE));
  }

  /**
   * A keyword that is filtered on and stored; its sorted-set doc values are what its facet counts
   * (family, type, level, lang, ics, mime, extraction status).
   */
  static void addKeyword(Document doc, String field, String value) {
    doc.add(new KeywordField(field, value, Field.Store.YES));
  }

  /** The year as an int point (range filters) with doc values (sorting, and the year facet's counts). */
  static void addYear(Document doc, int year) {
    doc.add(new IntField(YEAR, year, Field.Store.YES));
  }

  /** A date as epoch day: point for ranges ("upcoming" compares with today at query time). */
  static void addDate(Document doc, String field, long epochDay) {
    doc.add(new LongField(field, epochDay, Field.Store.YES));
  }

  static void addSortDate(Document doc, long epochDay) {
    doc.add(new NumericDocValuesField(SORT_DATE, epochDay));
  }

  /**
   * A technology field: the id and each ancestor id, for filtering (a parent includes its children)
   * and for the field facet, whose tree counts a document once per field and ancestor.
   */
  static void addTechnologyField(Document doc, List<String> pathFromRoot) {
    for (String id : pathFromRoot) {
      doc.add(new KeywordField(FIELD_ID, id, Field.Store.NO));
    }
  }

  static void addStored(Document doc, String field, String value) {
    doc.add(new StoredField(field, value));
  }

  static void addPageStarts(Document doc, List<Integer> starts) {
    doc.add(new BinaryDocValuesField(PAGE_STARTS, PageStartsCodec.encode(starts)));
  }

  static void addHitRecord(Document doc, byte[] utf8Json) {
    doc.add(new BinaryDocValuesField(HIT_JSON, new BytesRef(utf8Json)));
  }

  /**
   * Every value of a sorted-set field in one segment, by ordinal, read in one sequential pass over
   * its terms dictionary. Looking values up per document ({@code lookupOrd}) decompresses a
   * dictionary block each time: on 10,000 standards that was half of building a reader's state.
   */
  public static String[] valuesByOrd(SortedSetDocValues values) throws IOException {
    String[] names = new String[Math.toIntExact(values.getValueCount())];
    TermsEnum terms = values.termsEnum();
    int ord = 0;
    for (BytesRef term = terms.next(); term != null; term = terms.next()) {
      names[ord++] = term.utf8ToString();
    }
    return names;
  }

  /** Adds the glossary entry of a term with both names, unless they are not a usable pair. */
  static void addTermPair(Document doc, String zh, String en) {
    java.util.Optional<List<String>> pair = StandardFields.glossaryPair(zh, en);
    if (pair.isEmpty()) {
      return;
    }
    String zhKey = pair.get().get(0);
    String enKey = pair.get().get(1);
    doc.add(new StringField(GLOSSARY_KEY, zhKey, Field.Store.NO));
    doc.add(new StringField(GLOSSARY_KEY, enKey, Field.Store.NO));
    doc.add(new BinaryDocValuesField(TERM_PAIR, new BytesRef(zhKey + '\t' + enKey)));
  }

  /**
   * Glossary normal form: NFKC (full-width folded), lower case, whitespace collapsed to one space
   * (tabs included); "" for null. Queries look their words up in the same form.
   */
  public static String glossaryKey(String s) {
    if (s == null) {
      return "";
    }
    String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
    StringBuilder out = new StringBuilder(n.length());
    boolean space = false;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  static void addClauseSpans(Document doc, List<Clause> clauses) {
    doc.add(new BinaryDocValuesField(CLAUSE_SPANS, ClauseSpans.encode(clauses)));
  }
}
