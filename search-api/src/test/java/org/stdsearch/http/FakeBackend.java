package org.stdsearch.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.stdsearch.search.Backend;
import org.stdsearch.search.IndexNotReadyException;
import org.stdsearch.search.IndexStats;
import org.stdsearch.search.SearchRequest;
import org.stdsearch.search.SearchResponse;
import org.stdsearch.search.SearchService;
import org.stdsearch.search.StandardDetail;
import org.stdsearch.search.StandardFile;
import org.stdsearch.search.StandardNotFoundException;
import org.stdsearch.search.Suggestion;
import org.stdsearch.search.TermHit;

/**
 * A backend with canned answers, for HTTP behaviour that does not depend on the index: standard
 * {@code s1} is the file {@code a.txt} (bytes 0..255 as "text"); {@code boom} fails with an internal
 * error whose message holds a path that must never reach a client.
 */
final class FakeBackend implements Backend {
  static final String SECRET = "/srv/secret/index/_0.cfs";
  final Path docs;
  final byte[] content;
  volatile boolean ready = true;
  final AtomicReference<SearchRequest> lastRequest = new AtomicReference<>();
  final List<String> added = new ArrayList<>();
  /** Calls of the detail view: serving a file must not need it (issue 17). */
  final java.util.concurrent.atomic.AtomicInteger detailCalls = new java.util.concurrent.atomic.AtomicInteger();
  int hits = 1;

  FakeBackend(Path dir) throws IOException {
    this.docs = dir.toRealPath();
    content = new byte[4096];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) ('a' + i % 26);
    }
    Files.write(docs.resolve("a.txt"), content);
    Files.writeString(docs.resolve("outside.txt"), "not a standard");
  }

  private final SearchService service = new SearchService() {
    @Override
    public SearchResponse search(SearchRequest request) {
      lastRequest.set(request);
      if (request.q().equals("boom")) {
        throw new IllegalStateException("cannot read " + SECRET);
      }
      List<SearchResponse.Hit> list = new ArrayList<>();
      for (int i = 0; i < Math.min(hits, request.size()); i++) {
        list.add(new SearchResponse.Hit("s" + i, "GB/T " + (1000 + i) + "-2024",
            new SearchResponse.Title("信息安全技术 " + "长标题".repeat(20), "Information security " + i), 2024,
            LocalDate.of(2024, 3, 1), null, "current", List.of(), "GB/T", List.of("35.030"), 1.5f,
            List.of(new SearchResponse.Snippet("the <mark>key</mark> words", 3, "5.1")),
            null, "ok"));
      }
      return new SearchResponse(request.q(), hits, "eq", 1, request.page(), request.size(), null, false, list,
          Map.of("year", List.of(new SearchResponse.FacetValue("2024", "2024", hits, null))));
    }

    @Override
    public StandardDetail standard(String id, String labelLang) {
      detailCalls.incrementAndGet();
      return detail(id);
    }

    private StandardDetail detail(String id) {
      if (id.equals("s1")) {
        return new StandardDetail(metadata("s1", "a.txt"), "current", List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), 1);
      }
      if (id.equals("escape")) {
        return new StandardDetail(metadata("escape", "../outside.txt"), "current", List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), 1);
      }
      throw new StandardNotFoundException(id);
    }

    @Override
    public StandardFile file(String id) {
      StandardDetail.Metadata m = detail(id).metadata();
      return new StandardFile(id, m.path(), m.extraction().mimeType(), m.extraction().contentHash());
    }

    @Override
    public String text(String id, Integer page) {
      standard(id, "en");
      return "text of page " + page;
    }

    @Override
    public List<Suggestion> suggest(String prefix, int size) {
      return List.of(new Suggestion("GB/T 1000-2024", "identifier", "s0"));
    }

    @Override
    public List<TermHit> terms(String q, int size) {
      return List.of(new TermHit("密钥", "key", "a secret", "3.1", "s1", "GB/T 1000-2024"));
    }

    @Override
    public List<SearchResponse.FacetValue> fieldTree(String labelLang) {
      return List.of(new SearchResponse.FacetValue("it", "Information technology", 3, null));
    }

    @Override
    public IndexStats stats() {
      return new IndexStats(3, Map.of("current", 3L), Map.of("ok", 3L), 1234, "2024-01-01T00:00:00Z");
    }

    @Override
    public void close() {}
  };

  static StandardDetail.Metadata metadata(String id, String path) {
    return new StandardDetail.Metadata(id, path, "GB/T 1000-2024", List.of(), "GB/T", "标题", "Title",
        LocalDate.of(2024, 3, 1), null, 2024, List.of(), List.of(), List.of(), List.of(), null, "recommended",
        "national", "zh", null, List.of(), List.of(), List.of(), List.of(),
        new StandardDetail.Extraction("ok", null, "text/plain", 4096, "abc123hash", 1, 5));
  }

  @Override
  public void open() {}

  @Override
  public CompletableFuture<String> start() {
    return CompletableFuture.completedFuture("nothing to index");
  }

  @Override
  public SearchService service() {
    if (!ready) {
      throw new IndexNotReadyException("not yet");
    }
    return service;
  }

  @Override
  public boolean ready() {
    return ready;
  }

  @Override
  public Path docs() {
    return docs;
  }

  @Override
  public long indexBytes() {
    return 42;
  }

  @Override
  public boolean reindex() {
    return true;
  }

  @Override
  public AddedFile add(Path staged, String fileName) throws IOException {
    added.add(fileName);
    byte[] head = Files.readAllBytes(staged);
    boolean corrupt = new String(head, 0, Math.min(head.length, 8), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF")
        && head.length < 100;
    return corrupt
        ? new AddedFile("uploads/" + fileName, "failed", "application/pdf", "corrupt PDF")
        : new AddedFile("uploads/" + fileName, "ok", "text/plain", null);
  }

  @Override
  public void delete(String id) {
    service.standard(id, "en");
  }

  @Override
  public void close() {}
}
