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
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.extract.ocr.PageOcr;
import org.stdsearch.extract.ocr.Tesseract;
import org.stdsearch.extract.pdf.TextLayerPages;

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
 * <p>OCR runs in the same workers ({@link #ocr}), one request per document, with a deadline that
 * follows the pages: the worker reports each finished page and the wait restarts at the per-page
 * limit, bounded by the per-document limit of {@link OcrOptions}.
 *
 * <p>Thread-safe: up to {@code workers} callers extract concurrently.
 */
public final class ForkedExtractor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ForkedExtractor.class);
  /** Exit status of a JVM stopped by -XX:+ExitOnOutOfMemoryError. */
  private static final int OOM_EXIT = 3;
  private static final int STDERR_TAIL_LINES = 20;
  /** Rendering a page and writing its image come on top of Tesseract's own per-page limit. */
  private static final Duration OCR_PAGE_SLACK = Duration.ofSeconds(60);

  private final ExtractionLimits limits;
  private final Path tikaConfig;
  private final OcrOptions ocr;
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
    this(workers, limits, tikaConfig, OcrOptions.defaults());
  }

  /**
   * @param workers number of worker processes (parallel parses and OCR requests)
   * @param limits timeout, heap and character cap per parse
   * @param tikaConfig a tika-config.xml for the workers, or null for Tika's defaults
   * @param ocr OCR mode, languages, dpi, page time limit and cache folder
   */
  public ForkedExtractor(int workers, ExtractionLimits limits, Path tikaConfig, OcrOptions ocr) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1: " + workers);
    }
    this.limits = limits;
    this.tikaConfig = tikaConfig;
    this.ocr = Objects.requireNonNull(ocr, "ocr");
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
    return extract(file, TikaExtractor.UNKNOWN_TYPE);
  }

  /** As {@link #extract(Path)}, parsing the file as {@code detectedType} unless that is unknown. */
  private ParseOutcome extract(Path file, String detectedType) throws InterruptedException {
    if (closed) {
      throw new IllegalStateException("extractor is closed");
    }
    Worker worker = idle.take();
    try {
      return worker.extract(file, detectedType);
    } finally {
      idle.add(worker);
    }
  }

  /**
   * Extracts one file and completes the record with its path, hash and size.
   *
   * @param root the docs root, for the relative path
   * @param detectedMime the type detected before extraction: the worker parses the file as this type
   *     (as the type it detects itself when this is application/octet-stream) and it is kept when the
   *     worker cannot say
   */
  public ExtractedDocument extract(Path root, Path file, String contentHash, long size, String detectedMime)
      throws InterruptedException {
    long start = System.nanoTime();
    ParseOutcome o = extract(file, detectedMime);
    // A worker that died never reported the type: keep the one detected before extraction.
    String mime = o.mimeType().equals(TikaExtractor.UNKNOWN_TYPE) ? detectedMime : o.mimeType();
    String reason = o.reason();
    if (o.status() == ExtractionStatus.EMPTY && ocr.mode() != OcrMode.OFF && !ocrInstallation().available()) {
      reason = OcrExtractor.UNAVAILABLE + ocrInstallation().problem();
    }
    return document(root, file, contentHash, size, mime, new ParseOutcome(
        mime, o.status(), reason, o.text(), o.pageStarts(), o.metadata()), start);
  }

  private static ExtractedDocument document(
      Path root, Path file, String contentHash, long size, String mime, ParseOutcome o, long startNanos) {
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    String relative = Paths.relative(root, file);
    // Reasons are shown to users: never leak where the docs folder lives.
    String reason = o.reason() == null ? null : o.reason().replace(file.toAbsolutePath().toString(), relative);
    return new ExtractedDocument(
        relative, contentHash, size, mime, o.status(), reason, o.text(), o.pageStarts(), o.metadata(), millis);
  }

  /** Tesseract and its languages as detected (once per JVM) for the configured OCR languages. */
  public Tesseract.Installation ocrInstallation() {
    return Tesseract.onPath().detect(ocr.languages());
  }

  /**
   * True when the configured mode wants this first-pass result recognised from page images and
   * Tesseract is installed: in {@code auto} an {@code empty} or {@code garbled} PDF or image, in
   * {@code force} every PDF and image that did not fail or stay encrypted.
   */
  /** True when {@code mime} is an image type that OCR will read (mode not off, tesseract present). */
  public boolean readsImages(String mime) {
    return ocr.mode() != OcrMode.OFF && OcrExtractor.IMAGE_TYPES.contains(mime) && ocrInstallation().available();
  }

  public boolean wantsOcr(ExtractedDocument doc) {
    boolean pageImages = doc.mimeType().equals("application/pdf") || OcrExtractor.IMAGE_TYPES.contains(doc.mimeType());
    boolean wanted = switch (ocr.mode()) {
      case OFF -> false;
      case AUTO -> doc.status() == ExtractionStatus.EMPTY || doc.status() == ExtractionStatus.GARBLED;
      case FORCE -> doc.status() != ExtractionStatus.FAILED && doc.status() != ExtractionStatus.ENCRYPTED
          && doc.status() != ExtractionStatus.SKIPPED;
    };
    return wanted && pageImages && ocrInstallation().available();
  }

  /**
   * Recognises a PDF's or image's pages in a worker, through the OCR cache. Never throws for a bad
   * document. Status {@code ocr} with the share of pages recognised in the reason and in {@code
   * X-Stdsearch:ocr-pages}, seconds per page in {@code X-Stdsearch:ocr-seconds-per-page};
   * {@code failed} when no page could be read, {@code empty} when Tesseract is missing or found no
   * text. Page starts are kept like any other page.
   *
   * @param detectedMime the type detected before extraction, kept when the worker cannot say
   */
  public ExtractedDocument ocr(Path root, Path file, String contentHash, long size, String detectedMime)
      throws InterruptedException {
    return ocr(root, file, contentHash, size, detectedMime, (page, pages) -> { });
  }

  /** As {@link #ocr(Path, Path, String, long, String)}, telling {@code pages} after each page recognised. */
  public ExtractedDocument ocr(Path root, Path file, String contentHash, long size, String detectedMime,
      PageOcr.PageListener pages) throws InterruptedException {
    if (closed) {
      throw new IllegalStateException("extractor is closed");
    }
    long start = System.nanoTime();
    ParseOutcome o;
    if (!ocrInstallation().available()) {
      o = new ParseOutcome(detectedMime, ExtractionStatus.EMPTY, OcrExtractor.UNAVAILABLE + ocrInstallation().problem(),
          "", List.of(0), Map.of());
    } else {
      Worker worker = idle.take();
      try {
        o = worker.ocr(file, contentHash, ocr, pages);
      } finally {
        idle.add(worker);
      }
    }
    String mime = o.mimeType().equals(TikaExtractor.UNKNOWN_TYPE) ? detectedMime : o.mimeType();
    return document(root, file, contentHash, size, mime, o, start);
  }

  /**
   * How many of a document's pages the OCR pass will recognise: those whose text layer is
   * unreadable when the others serve (mode {@code auto}), else all of them.
   */
  public int pagesToRecognise(ExtractedDocument doc) {
    String unreadable = doc.firstMetadata(TextLayerPages.UNREADABLE_PAGES);
    return ocr.mode() != OcrMode.FORCE && doc.status() == ExtractionStatus.GARBLED && unreadable != null
        ? TextLayerPages.parseRanges(unreadable).size() : doc.pageCount();
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

    ParseOutcome extract(Path file, String detectedType) throws InterruptedException {
      Path result = scratch.resolve("result-" + slot + ".json");
      String line = file.toAbsolutePath() + "\t" + result + "\t" + detectedType;
      return request(line, result, limits.timeout(), limits.timeout(), limits.timeout(), (page, pages) -> { });
    }

    ParseOutcome ocr(Path file, String contentHash, OcrOptions options, PageOcr.PageListener pages)
        throws InterruptedException {
      Path result = scratch.resolve("result-" + slot + ".json");
      Duration perPage = options.pageTimeout().plus(OCR_PAGE_SLACK);
      // Before the first page the worker also runs Tika on the file for its type and metadata.
      return request(ExtractionWorker.ocrRequest(file, result, contentHash, options), result,
          perPage.plus(limits.timeout()), perPage, options.documentTimeout(), pages);
    }

    /**
     * Sends one request and waits for {@code done}: at most {@code firstWait} for the first reply,
     * {@code pageWait} after each page report, {@code total} in all; the worker is killed past any.
     */
    private ParseOutcome request(String line, Path result, Duration firstWait, Duration pageWait, Duration total,
        PageOcr.PageListener pages) throws InterruptedException {
      try {
        ensureStarted();
        Files.deleteIfExists(result);
        requests.write(line + "\n");
        requests.flush();
      } catch (IOException e) {
        String reason = "extraction worker unavailable: " + e.getMessage() + stderrSummary();
        stop();
        return ParseOutcome.failed(TikaExtractor.UNKNOWN_TYPE, reason);
      }
      long begun = System.nanoTime();
      long deadline = begun + total.toNanos();
      Duration wait = firstWait;
      String reply;
      String page = null;
      while (true) {
        long millis = Math.min(wait.toMillis(), Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
        reply = replies.poll(millis, TimeUnit.MILLISECONDS);
        if (reply == null || !reply.startsWith(ExtractionWorker.PAGE + "\t")) {
          break;
        }
        page = reply.substring(ExtractionWorker.PAGE.length() + 1).replace('\t', '/');
        reportPage(page, pages);
        wait = pageWait;
      }
      if (reply == null) {
        stop();
        long seconds = Math.round((System.nanoTime() - begun) / 1e9);
        return ParseOutcome.failed(TikaExtractor.UNKNOWN_TYPE, "timed out after "
            + (page == null ? firstWait.toSeconds() : seconds) + " s"
            + (page == null ? "" : " (pages done: " + page + ")") + " (worker killed)");
      }
      if (!reply.equals(ExtractionWorker.DONE)) { // end of stream: the worker died
        int exit = waitForExit();
        String reason = exit == OOM_EXIT
            ? "out of memory: the parse needed more than the worker heap of " + limits.workerHeapMb() + " MB"
            : "extraction worker crashed (exit status " + exit + ")" + stderrSummary();
        stop();
        return ParseOutcome.failed(TikaExtractor.UNKNOWN_TYPE, reason);
      }
      try {
        return json.readValue(result.toFile(), ParseOutcome.class);
      } catch (IOException e) {
        return ParseOutcome.failed(TikaExtractor.UNKNOWN_TYPE, "unreadable worker result: " + e.getMessage());
      } finally {
        try {
          Files.deleteIfExists(result);
        } catch (IOException e) {
          log.debug("could not delete {}", result, e);
        }
      }
    }

    /** "3/12" from the worker, to whoever follows the pages; a garbled report is not theirs to see. */
    private static void reportPage(String page, PageOcr.PageListener pages) {
      int slash = page.indexOf('/');
      try {
        pages.pageDone(Integer.parseInt(page.substring(0, slash)), Integer.parseInt(page.substring(slash + 1)));
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        log.debug("unreadable page report {}", page);
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
      // A closed stdin ends the worker's loop: it exits on its own (shutdown hooks run), else it is killed.
      try {
        if (!p.waitFor(2, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
