package org.stdsearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes documents to the cluster through {@code _bulk}, in order, with back-pressure and retries.
 *
 * <p>Operations are gathered into batches (by count and by bytes, so no request comes near the
 * cluster's 100 MB limit) and sent by one thread, so two writes of the same document arrive in the
 * order they were made. At most {@link #OUTSTANDING} batches wait or travel at once: beyond that
 * {@link #add} blocks, which slows the pipeline down to what the cluster takes. A batch the cluster
 * refuses as a whole for load (429, 502-504, a broken connection) is sent again after a growing
 * pause; so are single operations refused with 429 or 503. An operation refused for another reason
 * (a mapping error, a document too large) is reported to the {@link FailureListener} by its owner,
 * and the rest go on: one bad document never stops a run.
 */
public final class BulkWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);
  static final int MAX_OPERATIONS = 1000;
  static final int MAX_BYTES = 16 * 1024 * 1024;
  static final int OUTSTANDING = 2;
  /** Pauses before the retries of one batch: about four minutes in all before the batch fails. */
  static final long[] BACKOFF_MILLIS = {250, 500, 1000, 2000, 4000, 8000, 15000, 30000, 30000, 30000, 30000, 60000};

  /** Told when an operation failed for good; {@code owner} is what the caller attached to it. */
  @FunctionalInterface
  public interface FailureListener {
    void failed(String owner, String reason);
  }

  /** One operation, already serialised: its action line and its source (null for a delete). */
  private record Operation(byte[] action, byte[] source, String owner) {
    int bytes() {
      return action.length + (source == null ? 0 : source.length) + 2;
    }
  }

  private final Cluster cluster;
  private final FailureListener listener;
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "opensearch-bulk");
    t.setDaemon(true);
    return t;
  });
  private final Semaphore outstanding = new Semaphore(OUTSTANDING);
  private final Object lock = new Object();
  private List<Operation> pending = new ArrayList<>();
  private int pendingBytes;
  private final AtomicReference<IOException> failure = new AtomicReference<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();

  private final long[] backoffMillis;

  public BulkWriter(Cluster cluster, FailureListener listener) {
    this(cluster, listener, BACKOFF_MILLIS);
  }

  /** With other pauses between retries (tests). */
  BulkWriter(Cluster cluster, FailureListener listener, long[] backoffMillis) {
    this.cluster = cluster;
    this.listener = listener;
    this.backoffMillis = backoffMillis.clone();
  }

  /** Indexes (creates or replaces) {@code document} as {@code id} in {@code index}. */
  public void index(String index, String id, Object document, String owner) {
    add(new Operation(action("index", index, id), json(document), owner));
  }

  /** Deletes {@code id} from {@code index}; deleting what is not there is fine. */
  public void delete(String index, String id, String owner) {
    add(new Operation(action("delete", index, id), null, owner));
  }

  /** Sets some fields of an existing document. */
  public void update(String index, String id, Object partialDocument, String owner) {
    ObjectNode body = Documents.mapper().createObjectNode();
    body.set("doc", Documents.mapper().valueToTree(partialDocument));
    add(new Operation(action("update", index, id), json(body), owner));
  }

  private static byte[] action(String kind, String index, String id) {
    ObjectNode a = Documents.mapper().createObjectNode();
    a.putObject(kind).put("_index", index).put("_id", id);
    return json(a);
  }

  private static byte[] json(Object value) {
    try {
      return Documents.mapper().writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void add(Operation op) {
    synchronized (lock) {
      if (!pending.isEmpty() && (pending.size() >= MAX_OPERATIONS || pendingBytes + op.bytes() > MAX_BYTES)) {
        handOff();
      }
      pending.add(op);
      pendingBytes += op.bytes();
    }
  }

  /** Gives the pending batch to the sender, waiting while {@link #OUTSTANDING} batches are ahead of it. */
  private void handOff() {
    List<Operation> batch = pending;
    pending = new ArrayList<>();
    pendingBytes = 0;
    outstanding.acquireUninterruptibly();
    sender.submit(() -> {
      try {
        send(batch);
      } catch (IOException e) {
        failure.compareAndSet(null, e);
        batch.forEach(op -> report(op, e.getMessage()));
      } catch (RuntimeException e) {
        failure.compareAndSet(null, new IOException(e));
        log.error("bulk write failed", e);
      } finally {
        outstanding.release();
      }
    });
  }

  /**
   * Sends everything added so far and waits until the cluster has answered for all of it.
   *
   * @throws IOException when a whole batch could not be written after every retry (the cluster is
   *     gone); single refused documents were reported to the listener instead
   */
  public void flush() throws IOException {
    synchronized (lock) {
      if (!pending.isEmpty()) {
        handOff();
      }
    }
    outstanding.acquireUninterruptibly(OUTSTANDING);
    outstanding.release(OUTSTANDING);
    IOException e = failure.getAndSet(null);
    if (e != null) {
      throw new IOException("writing to OpenSearch failed: " + e.getMessage(), e);
    }
  }

  /** Operations the cluster has accepted so far. */
  public long sent() {
    return sent.get();
  }

  /** Operations or batches sent again after the cluster pushed back. */
  public long retried() {
    return retried.get();
  }

  private void send(List<Operation> batch) throws IOException {
    List<Operation> todo = batch;
    int attempt = 0;
    while (!todo.isEmpty()) {
      JsonNode answer;
      try {
        answer = post(todo);
      } catch (ClusterException e) {
        if (e.status() == 413 && todo.size() > 1) { // too large after all: halve it
          send(new ArrayList<>(todo.subList(0, todo.size() / 2)));
          send(new ArrayList<>(todo.subList(todo.size() / 2, todo.size())));
          return;
        }
        if (e.status() == 413) {
          report(todo.get(0), "too large for one request to the cluster");
          return;
        }
        if (!retryable(e.status())) {
          throw e;
        }
        attempt = pause(attempt, e);
        continue;
      } catch (IOException e) { // no answer at all: connection refused, reset, timed out
        attempt = pause(attempt, e);
        continue;
      }
      List<Operation> again = new ArrayList<>();
      JsonNode items = answer.path("items");
      for (int i = 0; i < todo.size(); i++) {
        JsonNode result = items.path(i).elements().hasNext() ? items.path(i).elements().next() : null;
        int status = result == null ? 0 : result.path("status").asInt();
        if (status / 100 == 2 || (status == 404 && isDelete(todo.get(i)))) {
          sent.incrementAndGet();
        } else if (retryable(status)) {
          again.add(todo.get(i));
        } else {
          report(todo.get(i), result == null ? "no answer for this operation" : result.path("error").toString());
        }
      }
      if (!again.isEmpty()) {
        retried.addAndGet(again.size());
        attempt = pause(attempt, new IOException(again.size() + " operations refused for load"));
      }
      todo = again;
    }
  }

  private static boolean isDelete(Operation op) {
    return op.source() == null;
  }

  private static boolean retryable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  private int pause(int attempt, IOException cause) throws IOException {
    if (attempt >= backoffMillis.length) {
      throw new IOException("the cluster did not accept a batch after " + attempt + " retries: " + cause.getMessage(),
          cause);
    }
    retried.incrementAndGet();
    log.debug("bulk write pushed back ({}), retrying in {} ms", cause.getMessage(), backoffMillis[attempt]);
    try {
      Thread.sleep(backoffMillis[attempt]);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to retry", e);
    }
    return attempt + 1;
  }

  private JsonNode post(List<Operation> ops) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(ops.stream().mapToInt(Operation::bytes).sum());
    for (Operation op : ops) {
      body.write(op.action());
      body.write('\n');
      if (op.source() != null) {
        body.write(op.source());
        body.write('\n');
      }
    }
    var request = Requests.builder().method("POST").endpoint("/_bulk")
        .body(Body.from(body.toByteArray(), "application/x-ndjson")).build();
    try (Response r = cluster.client().generic().execute(request)) {
      String text = r.getBody().map(Body::bodyAsString).orElse("");
      if (r.getStatus() / 100 != 2) {
        throw new ClusterException(r.getStatus(), "bulk: " + (text.length() > 300 ? text.substring(0, 300) : text));
      }
      return Documents.mapper().readTree(text);
    }
  }

  private void report(Operation op, String reason) {
    log.warn("OpenSearch refused a write for {}: {}", op.owner(), reason.length() > 300 ? reason.substring(0, 300) : reason);
    if (op.owner() != null && listener != null) {
      listener.failed(op.owner(), reason);
    }
  }

  /** Sends what is pending and stops the sender. */
  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      sender.shutdown();
    }
  }
}
