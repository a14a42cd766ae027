package org.stdsearch.index.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.index.IndexEntry;
import org.stdsearch.index.IndexedFile;
import org.stdsearch.index.StandardFields;
import org.stdsearch.index.StandardSink;
import org.stdsearch.opensearch.BulkWriter;
import org.stdsearch.opensearch.Cluster;
import org.stdsearch.opensearch.Documents;
import org.stdsearch.opensearch.FileStates;
import org.stdsearch.opensearch.IndexLayout;
import org.stdsearch.opensearch.Lineage;

/**
 * An OpenSearch cluster as a {@link StandardSink}: each standard becomes a standard document, its
 * term entries and its passages ({@link StandardDocuments}), written through {@code _bulk} with
 * back-pressure and retries ({@link BulkWriter}); the file's incremental state goes to the files
 * index in the same stream, after the documents, so an interrupted run resumes from what the
 * cluster holds. A write the cluster refuses (a document too large, say) drops the file's state,
 * so the next run tries it again.
 *
 * <p>{@link #commit} and {@link #refresh} send what is buffered, make it visible, remove the
 * passages and term entries an earlier write of the same file left behind, and recompute which
 * standards are superseded ({@link Lineage}). Writes acknowledged by the cluster are durable (its
 * translog), so a commit needs no more.
 */
public final class OpenSearchSink implements StandardSink {
  private static final Logger log = LoggerFactory.getLogger(OpenSearchSink.class);
  /** Files to clean up in one delete-by-query. */
  private static final int CLEANUP_BATCH = 500;
  /** Stale documents found and deleted per round. */
  private static final int DELETE_PAGE = 5000;

  private final Cluster cluster;
  private final IndexLayout layout;
  private final Taxonomy taxonomy;
  private final BulkWriter writer;
  private final boolean ownsCluster;
  /** Paths that may have documents in the cluster: a new write of one leaves older passages behind. */
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  /** Path → generation of its latest write, for paths whose older documents must go. */
  private final Map<String, String> stale = new ConcurrentHashMap<>();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private final ReentrantLock syncLock = new ReentrantLock();
  private volatile boolean dirty;

  private OpenSearchSink(Cluster cluster, Taxonomy taxonomy, boolean ownsCluster) {
    this.cluster = cluster;
    this.layout = cluster.layout();
    this.taxonomy = taxonomy;
    this.ownsCluster = ownsCluster;
    this.writer = new BulkWriter(cluster, (owner, reason) -> refused.add(owner));
  }

  /**
   * A sink over {@code cluster}, creating our indexes where missing (and rebuilding those of another
   * layout version).
   *
   * @param shards primary shards of a new index (1 ranks exactly as the embedded index)
   * @param ownsCluster close the connection with the sink
   */
  public static OpenSearchSink open(Cluster cluster, Taxonomy taxonomy, int shards, boolean ownsCluster)
      throws IOException {
    cluster.ensureLayout(shards);
    return new OpenSearchSink(cluster, taxonomy, ownsCluster);
  }

  @Override
  public Map<String, IndexedFile> indexedFiles() throws IOException {
    sync();
    Map<String, IndexedFile> out = new HashMap<>();
    for (Documents.FileState s : FileStates.all(cluster).values()) {
      out.put(s.path(), new IndexedFile(s.stateKey(), s.mime(), s.size(), s.modified()));
      known.add(s.path());
    }
    return out;
  }

  @Override
  public void write(IndexEntry entry) throws IOException {
    String path = entry.path();
    String generation = UUID.randomUUID().toString();
    StandardDocuments.Written w = StandardDocuments.of(entry, taxonomy, generation);
    String id = w.standard().id();
    writer.index(layout.standards(), id, w.standard(), path);
    for (int i = 0; i < w.terms().size(); i++) {
      writer.index(layout.terms(), id + "/t" + i, w.terms().get(i), path);
    }
    for (int i = 0; i < w.passages().size(); i++) {
      writer.index(layout.passages(), id + "/p" + i, w.passages().get(i), path);
    }
    var d = entry.standard().document();
    writer.index(layout.files(), id, new Documents.FileState(path, entry.stateKey(), d.mimeType(), d.sizeBytes(),
        entry.modified()), path);
    if (!known.add(path)) {
      stale.put(path, generation);
    }
    dirty = true;
  }

  @Override
  public void touch(String path, long modified) throws IOException {
    writer.update(layout.files(), StandardFields.id(path), Map.of("modified", modified), path);
  }

  @Override
  public void delete(String path) throws IOException {
    String id = StandardFields.id(path);
    writer.delete(layout.standards(), id, path);
    writer.delete(layout.files(), id, path);
    stale.put(path, ""); // every passage and term entry of the path goes
    known.remove(path);
    dirty = true;
  }

  @Override
  public void commit() throws IOException {
    sync();
  }

  @Override
  public void refresh() throws IOException {
    sync();
  }

  /** The cluster refreshes by itself every second; buffered writes go out when a batch fills or at a commit. */
  @Override
  public void refreshIfIdle() {}

  /** Sends, makes visible, cleans up and recomputes the lineage; one at a time. */
  private void sync() throws IOException {
    syncLock.lock();
    try {
      writer.flush();
      if (!refused.isEmpty()) {
        List<String> paths = new ArrayList<>(refused);
        refused.removeAll(paths);
        for (String path : paths) { // tried again by the next run
          writer.delete(layout.files(), StandardFields.id(path), null);
        }
        writer.flush();
      }
      if (!dirty) {
        return;
      }
      dirty = false;
      cluster.refresh();
      removeStale();
      int changed = Lineage.update(cluster, writer);
      writer.flush();
      if (changed > 0) {
        log.debug("{} standards changed their superseded flag", changed);
      }
      cluster.refresh();
    } catch (IOException | RuntimeException e) {
      dirty = true;
      throw e;
    } finally {
      syncLock.unlock();
    }
  }

  /** Deletes the passages and term entries of files written again (older generations) or deleted. */
  private void removeStale() throws IOException {
    List<Map.Entry<String, String>> todo = new ArrayList<>(stale.entrySet());
    for (int from = 0; from < todo.size(); from += CLEANUP_BATCH) {
      List<Query> any = new ArrayList<>();
      for (Map.Entry<String, String> e : todo.subList(from, Math.min(todo.size(), from + CLEANUP_BATCH))) {
        Query path = Query.of(t -> t.term(tq -> tq.field("path").value(v -> v.stringValue(e.getKey()))));
        if (e.getValue().isEmpty()) {
          any.add(path);
        } else {
          Query current = Query.of(t -> t.term(tq -> tq.field("generation").value(v -> v.stringValue(e.getValue()))));
          any.add(Query.of(b -> b.bool(bool -> bool.filter(path).mustNot(current))));
        }
      }
      deleteAll(Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1"))));
    }
    todo.forEach(e -> stale.remove(e.getKey(), e.getValue()));
  }

  /**
   * Deletes every term entry and passage {@code query} matches: found by search, deleted in bulk,
   * until none is left (what {@code _delete_by_query} does, without needing the reindex module).
   */
  private void deleteAll(Query query) throws IOException {
    while (true) {
      SearchResponse<Void> r = cluster.client().search(s -> s.index(layout.terms(), layout.passages())
          .query(query).size(DELETE_PAGE).source(c -> c.fetch(false)).trackTotalHits(t -> t.enabled(false)),
          Void.class);
      if (r.hits().hits().isEmpty()) {
        return;
      }
      for (Hit<Void> h : r.hits().hits()) {
        writer.delete(h.index(), h.id(), null);
      }
      writer.flush();
      cluster.refresh();
    }
  }

  @Override
  public int standards() throws IOException {
    sync();
    return (int) cluster.client().count(c -> c.index(layout.standards())).count();
  }

  @Override
  public void close() throws IOException {
    try {
      sync();
      writer.close();
    } finally {
      if (ownsCluster) {
        cluster.close();
      }
    }
  }
}
