package org.stdsearch.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitSetIterator;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.index.MetadataCodec;
import org.stdsearch.index.PageStartsCodec;
import org.stdsearch.index.Schema;
import org.stdsearch.index.StandardMetadata;
import org.stdsearch.search.BadParameterException;
import org.stdsearch.search.IndexNotReadyException;
import org.stdsearch.search.IndexStats;
import org.stdsearch.search.SearchBudget;
import org.stdsearch.search.PageText;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse;
import org.stdsearch.search.SearchService;
import org.stdsearch.search.StandardDetail;
import org.stdsearch.search.StandardFile;
import org.stdsearch.search.Suggestion;
import org.stdsearch.search.TermHit;

/**
 * The embedded Lucene backend of {@link SearchService}. Searchers come from a {@link
 * SearcherManager} (shared with the indexer's writer in the server, read-only in the CLI); what
 * depends on the whole reader — facet ordinals, computed status — is built once per reader and
 * dropped when the reader closes. Each operation acquires a searcher and releases it, so the
 * service is thread-safe and sees a refresh on the next call.
 *
 * <p>Split by concern: {@link SearchExecution} runs one search, {@link StandardDetails} the
 * detail view, {@link Suggestions} as-you-type and term lookups.
 */
public final class LuceneSearchService implements SearchService {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LuceneSearchService.class);
  private final ReferenceManager<IndexSearcher> manager;
  private final Directory ownedDirectory;
  private final FieldLabels labels;
  private final Clock clock;
  private final Map<IndexReader.CacheKey, ReaderState> states = new ConcurrentHashMap<>();
  private final HitRecords hitRecords = new HitRecords();
  private final FacetValues facetValues = new FacetValues();
  /** A search runs on several cores while fewer searches than cores are running. */
  private static final SpareCores SPARE_CORES = new SpareCores(Runtime.getRuntime().availableProcessors());

  LuceneSearchService(ReferenceManager<IndexSearcher> manager, Directory ownedDirectory, Taxonomy taxonomy, Clock clock) {
    this.manager = manager;
    this.ownedDirectory = ownedDirectory;
    this.labels = new FieldLabels(taxonomy);
    this.clock = clock;
  }

  /** Opens the index in {@code indexDir} read-only (the CLI); close the service to release it. */
  public static LuceneSearchService open(Path indexDir, Taxonomy taxonomy) throws IOException {
    Directory dir = FSDirectory.open(indexDir);
    if (!DirectoryReader.indexExists(dir)) {
      dir.close();
      throw new IndexNotReadyException("the folder " + indexDir.toAbsolutePath().normalize() + " holds no index");
    }
    return new LuceneSearchService(new SearcherManager(dir, new SearcherFactory()), dir, taxonomy,
        Clock.systemDefaultZone());
  }

  /**
   * Searches through a manager someone else refreshes (the server's NRT searchers). The state of
   * each new reader is built by the thread that refreshed it, and that of the first reader by a
   * thread of its own, so searches do not wait for it (about a second at 100,000 standards).
   */
  public static LuceneSearchService over(ReferenceManager<IndexSearcher> manager, Taxonomy taxonomy) {
    LuceneSearchService service = new LuceneSearchService(manager, null, taxonomy, Clock.systemDefaultZone());
    manager.addListener(new ReferenceManager.RefreshListener() {
      @Override
      public void beforeRefresh() {}

      @Override
      public void afterRefresh(boolean didRefresh) {
        if (didRefresh) {
          service.warm();
        }
      }
    });
    Thread.ofPlatform().daemon().name("reader-state").start(() -> {
      try {
        service.warm();
      } catch (RuntimeException e) {
        // the first search builds it again and reports the problem to its caller
        log.warn("preparing the index reader failed: {}", e.toString());
      }
    });
    return service;
  }

  /** Builds the current reader's state now, or waits for the thread building it; a closed index is nothing to warm. */
  @Override
  public void warm() {
    try {
      withSearcher(ctx -> null);
    } catch (IndexNotReadyException e) {
      // closed while starting or refreshing: the next search reports it
    }
  }

  /** What one call works with: the acquired searcher and its reader's state. */
  record Context(IndexSearcher searcher, ReaderState state, FieldLabels labels, HitRecords hitRecords,
      FacetValues facetValues, long today) {}

  @FunctionalInterface
  interface Work<T> {
    T run(Context context) throws IOException;
  }

  <T> T withSearcher(Work<T> work) {
    IndexSearcher searcher;
    try {
      searcher = manager.acquire();
    } catch (AlreadyClosedException e) {
      throw new IndexNotReadyException("the index is closed");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      ReaderState state = state(searcher.getIndexReader());
      return work.run(new Context(searcher, state, labels, hitRecords, facetValues, LocalDate.now(clock).toEpochDay()));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new BadParameterException("q", "too complex (too many clauses)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        manager.release(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private ReaderState state(IndexReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return ReaderState.build(reader);
    }
    ReaderState state = states.get(helper.getKey());
    if (state == null) {
      synchronized (states) {
        state = states.get(helper.getKey());
        if (state == null) {
          state = ReaderState.build(reader);
          states.put(helper.getKey(), state);
          helper.addClosedListener(states::remove);
        }
      }
    }
    return state;
  }

  @Override
  public SearchResponse search(SearchRequest request) {
    return search(request, SearchBudget.standard());
  }

  @Override
  public SearchResponse search(SearchRequest request, SearchBudget budget) {
    try (SpareCores.Running running = SPARE_CORES.start()) {
      return withSearcher(ctx -> new SearchExecution(ctx, request, budget, SPARE_CORES).run());
    }
  }

  @Override
  public StandardDetail standard(String id, String labelLang) {
    return withSearcher(ctx -> new StandardDetails(ctx).detail(id, labelLang == null ? "zh" : labelLang));
  }

  @Override
  public StandardFile file(String id) {
    return withSearcher(ctx -> {
      int doc = StandardDetails.docOf(ctx.searcher(), id);
      // The hit record: the stored full record would also decode every clause, term and reference.
      StandardMetadata m = MetadataCodec.read(Schema.binary(ctx.searcher().getIndexReader(), doc, Schema.HIT_JSON));
      StandardMetadata.Extraction e = m.extraction();
      // A text file goes out with the charset it was read in; the type stays bare everywhere else.
      String type = e == null ? null : e.charset() == null ? e.mimeType() : e.mimeType() + "; charset=" + e.charset();
      return new StandardFile(m.id(), m.path(), type, e == null ? null : e.contentHash());
    });
  }

  @Override
  public String text(String id, Integer page) {
    return withSearcher(ctx -> {
      int self = StandardDetails.docOf(ctx.searcher(), id);
      String content = Schema.content(ctx.searcher().getIndexReader(), self);
      if (page == null) {
        return content;
      }
      return PageText.of(content,
          PageStartsCodec.decode(Schema.binary(ctx.searcher().getIndexReader(), self, Schema.PAGE_STARTS)), page);
    });
  }

  @Override
  public List<Suggestion> suggest(String prefix, int size) {
    if (size < 1 || size > SearchRequest.MAX_SIZE) {
      throw new BadParameterException("size", "must be between 1 and " + SearchRequest.MAX_SIZE);
    }
    if (prefix == null || prefix.isBlank()) {
      return List.of();
    }
    if (prefix.length() > 200) {
      throw new BadParameterException("q", "at most 200 characters");
    }
    return withSearcher(ctx -> Suggestions.suggest(ctx.searcher(), prefix.strip(), size));
  }

  @Override
  public List<TermHit> terms(String q, int size) {
    if (size < 1 || size > SearchRequest.MAX_SIZE) {
      throw new BadParameterException("size", "must be between 1 and " + SearchRequest.MAX_SIZE);
    }
    if (q == null || q.isBlank()) {
      throw new BadParameterException("q", "must not be empty");
    }
    if (q.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new BadParameterException("q", "at most " + SearchRequest.MAX_QUERY_LENGTH + " characters");
    }
    return withSearcher(ctx -> Suggestions.terms(ctx.searcher(), q, size));
  }

  @Override
  public List<SearchResponse.FacetValue> fieldTree(String labelLang) {
    String lang = labelLang == null ? "zh" : labelLang;
    return withSearcher(ctx -> labels.tree(ctx.state().countAll("field"), lang, true));
  }

  @Override
  public IndexStats stats() {
    return withSearcher(ctx -> {
      ReaderState state = ctx.state();
      long documents = state.standards.cardinality();
      Map<String, Long> byStatus = state.countStatuses(new BitSetIterator(state.standards, documents), ctx.today());
      Map<String, Long> byExtraction = new LinkedHashMap<>(state.countAll(Schema.EXTRACTION_STATUS));
      long bytes = 0;
      String lastCommit = null;
      if (state.reader instanceof DirectoryReader dr) {
        Directory dir = dr.directory();
        for (String file : dir.listAll()) {
          try {
            bytes += dir.fileLength(file);
          } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            // deleted by a merge while we listed: not part of the index any more
          }
        }
        IndexCommit commit = dr.getIndexCommit();
        lastCommit = "generation " + commit.getGeneration() + (commit.getUserData().isEmpty() ? ""
            : " " + new java.util.TreeMap<>(commit.getUserData()));
      }
      return new IndexStats(documents, byStatus, byExtraction, bytes, lastCommit);
    });
  }

  /** Stored metadata of a standard (top-level doc id). */
  static StandardMetadata metadata(IndexSearcher searcher, int doc) throws IOException {
    Document d = StoredValues.read(searcher, doc, Set.of(Schema.RECORD_JSON));
    return MetadataCodec.read(d.get(Schema.RECORD_JSON));
  }

  /** Restricts {@code query} to standards (term entries are separate documents). */
  static Query standardsOnly(Query query) {
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(new TermQuery(new Term(Schema.KIND, Schema.KIND_STANDARD)), Occur.FILTER)
        .build();
  }

  @Override
  public void close() {
    if (ownedDirectory == null) {
      return;
    }
    try {
      manager.close();
      ownedDirectory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
