package org.stdsearch.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts documents in a pool of forked worker JVMs, one document at a time per worker.
 *
 * <p>Why out of process: a parser that loops, hangs or allocates without bound must not take the
 * indexer down or stall the run. Tika's maintainers run parsing out of process for this reason
 * (tika-pipes), and Solr 9.10 moved its extraction to an external Tika server. Each worker has a
 * heap limit and exits on OutOfMemoryError; the indexer kills a worker that exceeds the
 * per-document timeout. Either way that one document is recorded as failed with its reason and a
 * fresh worker takes the next one. Workers are long-lived, so JVM start and Tika set-up are paid
 * once per worker, not per document.
 *
 * <p>Thread-safe: up to {@code workers} callers extract concurrently.
 */
public final class ForkedExtractor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ForkedExtractor.class);
  /** Exit status of a JVM stopped by -XX:+ExitOnOutOfMemoryError. */
  private static final int OOM_EXIT = 3;
  private static final int STDERR_TAIL_LINES = 20;

  private final ExtractionLimits limits;
  private final Path tikaConfig;
  private final Path scratch;
  private final BlockingQueue<Worker> idle;
  private final List<Worker> all = new ArrayList<>();
  private final AtomicInteger started = new AtomicInteger();
  private final ObjectMapper json = new ObjectMapper();
  private volatile boolean closed;

  /**
   * @param workers number of worker processes (parallel parses)
   * @param limits timeout, heap and character cap per parse
   * @param tikaConfig a tika-config.xml for the workers, or null for Tika's defaults
   */
  public ForkedExtractor(int workers, ExtractionLimits limits, Path tikaConfig) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1: " + workers);
    }
    this.limits = limits;
    this.tikaConfig = tikaConfig;
    this.idle = new ArrayBlockingQueue<>(workers);
    try {
      this.scratch = Files.createTempDirectory("stdsearch-extract");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch folder for extraction results", e);
    }
    for (int i = 0; i < workers; i++) {
      idle.add(new Worker(i)); // started lazily, on first use
    }
  }

  /** Number of worker processes started so far (restarts included). */
  public int workersStarted() {
    return started.get();
  }

  /**
   * Extracts one file. Never throws for a bad document: failures come back as a {@link
   * ParseOutcome} with status {@code failed} and the reason.
   */
  ParseOutcome extract(Path file) throws InterruptedException {
    if (closed) {
      throw new IllegalStateException("extractor is closed");
    }
    Worker worker = idle.take();
    try {
      return worker.extract(file);
    } finally {
      idle.add(worker);
    }
  }

  /**
   * Extracts one file and completes the record with its path, hash and size.
   *
   * @param root the docs root, for the relative path
   * @param detectedMime the type detected before extraction, kept when the worker cannot say
   */
  public ExtractedDocument extract(Path root, Path file, String contentHash, long size, String detectedMime)
      throws InterruptedException {
    long start = System.nanoTime();
    ParseOutcome o = extract(file);
    // A worker that died never reported the type: keep the one detected before extraction.
    String mime = o.mimeType().equals("application/octet-stream") ? detectedMime : o.mimeType();
    long millis = (System.nanoTime() - start) / 1_000_000;
    String relative = Paths.relative(root, file);
    // Reasons are shown to users: never leak where the docs folder lives.
    String reason = o.reason() == null ? null : o.reason().replace(file.toAbsolutePath().toString(), relative);
    return new ExtractedDocument(
        relative, contentHash, size, mime, o.status(), reason, o.text(), o.pageStarts(), o.metadata(), millis);
  }

  @Override
  public void close() {
    closed = true;
    synchronized (all) {
      for (Worker w : all) {
        w.stop();
      }
    }
    try (var files = Files.list(scratch)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(scratch);
    } catch (IOException e) {
      log.warn("could not remove the extraction scratch folder {}: {}", scratch, e.toString());
    }
  }

  /** One worker process and the channel to it. */
  private final class Worker {
    private final int slot;
    private Process process;
    private Writer requests;
    private BlockingQueue<String> replies;
    private final Deque<String> stderrTail = new ArrayDeque<>();

    Worker(int slot) {
      this.slot = slot;
      synchronized (all) {
        all.add(this);
      }
    }

    ParseOutcome extract(Path file) throws InterruptedException {
      Path result = scratch.resolve("result-" + slot + ".json");
      try {
        ensureStarted();
        Files.deleteIfExists(result);
        requests.write(file.toAbsolutePath() + "\t" + result + "\n");
        requests.flush();
      } catch (IOException e) {
        String reason = "extraction worker unavailable: " + e.getMessage() + stderrSummary();
        stop();
        return ParseOutcome.failed("application/octet-stream", reason);
      }
      String reply = replies.poll(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (reply == null) {
        stop();
        return ParseOutcome.failed("application/octet-stream",
            "timed out after " + limits.timeout().toSeconds() + " s (worker killed)");
      }
      if (!reply.equals(ExtractionWorker.DONE)) { // end of stream: the worker died
        int exit = waitForExit();
        String reason = exit == OOM_EXIT
            ? "out of memory: the parse needed more than the worker heap of " + limits.workerHeapMb() + " MB"
            : "extraction worker crashed (exit status " + exit + ")" + stderrSummary();
        stop();
        return ParseOutcome.failed("application/octet-stream", reason);
      }
      try {
        return json.readValue(result.toFile(), ParseOutcome.class);
      } catch (IOException e) {
        return ParseOutcome.failed("application/octet-stream", "unreadable worker result: " + e.getMessage());
      } finally {
        try {
          Files.deleteIfExists(result);
        } catch (IOException e) {
          log.debug("could not delete {}", result, e);
        }
      }
    }

    private void ensureStarted() throws IOException, InterruptedException {
      if (process != null && process.isAlive()) {
        return;
      }
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx" + limits.workerHeapMb() + "m");
      command.add("-XX:+ExitOnOutOfMemoryError");
      command.add("-XX:+UseSerialGC"); // one parse at a time: the smallest collector suffices
      command.add("-Djava.awt.headless=true");
      command.add("-Dfile.encoding=UTF-8");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(ExtractionWorker.class.getName());
      command.add(Integer.toString(limits.maxChars()));
      command.add(Double.toString(limits.garbledShare()));
      if (tikaConfig != null) {
        command.add(tikaConfig.toAbsolutePath().toString());
      }
      process = new ProcessBuilder(command).start();
      started.incrementAndGet();
      requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      replies = new LinkedBlockingDeque<>();
      BlockingQueue<String> myReplies = replies;
      Process p = process;
      // Platform threads: they block on pipes for the worker's whole life.
      Thread.ofPlatform().daemon().name("extract-worker-" + slot + "-stdout").start(() -> pump(p, myReplies));
      Thread.ofPlatform().daemon().name("extract-worker-" + slot + "-stderr").start(() -> drainStderr(p));
      String hello = replies.poll(Math.max(60_000, limits.timeout().toMillis()), TimeUnit.MILLISECONDS);
      if (!ExtractionWorker.READY.equals(hello)) {
        stop();
        throw new IOException("worker did not start" + stderrSummary());
      }
    }

    private void pump(Process p, BlockingQueue<String> sink) {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          sink.add(line);
        }
      } catch (IOException e) {
        log.debug("worker stdout closed", e);
      }
      sink.add("<eof>");
    }

    private void drainStderr(Process p) {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          log.debug("worker {}: {}", slot, line);
          synchronized (stderrTail) {
            stderrTail.addLast(line);
            if (stderrTail.size() > STDERR_TAIL_LINES) {
              stderrTail.removeFirst();
            }
          }
        }
      } catch (IOException e) {
        log.debug("worker stderr closed", e);
      }
    }

    private String stderrSummary() {
      synchronized (stderrTail) {
        // The last error line a worker printed usually names the failure; keep it short.
        for (var it = stderrTail.descendingIterator(); it.hasNext(); ) {
          String line = it.next();
          if (line.contains("Error") || line.contains("Exception")) {
            String l = line.trim();
            return ": " + (l.length() > 200 ? l.substring(0, 200) + "…" : l);
          }
        }
      }
      return "";
    }

    private int waitForExit() throws InterruptedException {
      if (process == null) {
        return -1;
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
      return process.exitValue();
    }

    void stop() {
      Process p = process;
      process = null;
      if (p == null) {
        return;
      }
      try {
        requests.close();
      } catch (IOException e) {
        log.debug("closing worker stdin", e);
      }
      if (p.isAlive()) {
        p.destroyForcibly();
      }
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
