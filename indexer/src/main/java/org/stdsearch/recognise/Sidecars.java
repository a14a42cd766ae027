package org.stdsearch.recognise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metadata given by hand beside the documents: a catalogue ({@code catalog.csv} or {@code
 * catalog.json}) at the docs root, one row per document keyed by its relative {@code path}, and a
 * {@code <file>.meta.json} next to any file. The sidecar wins over the catalogue row; both win
 * over what the recogniser reads from the document.
 *
 * <p>Field names: {@code identifier, title_zh, title_en, published, implemented, year, ics, ccs,
 * replaces, status, fields, type, level, language, issuers}. List fields take a JSON array or
 * a string separated by {@code ;}, {@code |} or {@code 、}. Dates are ISO ({@code 2020-03-06}).
 */
public final class Sidecars {
  private static final Logger LOG = LoggerFactory.getLogger(Sidecars.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SIDECAR_SUFFIX = ".meta.json";

  private final Path docsRoot;
  private final Map<String, SidecarEntry> catalogue;

  private Sidecars(Path docsRoot, Map<String, SidecarEntry> catalogue) {
    this.docsRoot = docsRoot;
    this.catalogue = Map.copyOf(catalogue);
  }

  /** No catalogue: only per-file sidecars are read. */
  public static Sidecars none() {
    return new Sidecars(null, Map.of());
  }

  /** Reads the catalogue at {@code docsRoot}, if any. A malformed catalogue is logged and ignored. */
  public static Sidecars load(Path docsRoot) {
    Path root = docsRoot.toAbsolutePath().normalize();
    Map<String, SidecarEntry> rows = new HashMap<>();
    try {
      Path csv = root.resolve("catalog.csv");
      Path json = root.resolve("catalog.json");
      if (Files.isRegularFile(json)) {
        for (JsonNode node : JSON.readTree(json.toFile())) {
          putRow(rows, node);
        }
      }
      if (Files.isRegularFile(csv)) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (var it = new CsvMapper().readerFor(Map.class).with(schema).readValues(csv.toFile())) {
          while (it.hasNext()) {
            putRow(rows, JSON.valueToTree(it.next()));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("catalogue in {} not read: {}", root, e.getMessage());
    }
    return new Sidecars(root, rows);
  }

  private static void putRow(Map<String, SidecarEntry> rows, JsonNode node) {
    String path = text(node, "path");
    if (path == null) {
      path = text(node, "file");
    }
    if (path != null) {
      rows.put(path.replace('\\', '/').replaceFirst("^\\./", ""), entry(node));
    }
  }

  /** Catalogue row overlaid by the file's own sidecar; empty when neither exists. */
  public Optional<SidecarEntry> forFile(Path file) {
    String key = catalogueKey(file);
    SidecarEntry row = key == null ? null : catalogue.get(key);
    Path sidecar = file.resolveSibling(file.getFileName() + SIDECAR_SUFFIX);
    if (Files.isRegularFile(sidecar)) {
      try {
        SidecarEntry own = entry(JSON.readTree(sidecar.toFile()));
        row = row == null ? own : row.overlaidBy(own);
      } catch (IOException e) {
        LOG.warn("sidecar {} not read: {}", sidecar, e.getMessage());
      }
    }
    return Optional.ofNullable(row);
  }

  /**
   * A digest of everything given by hand for {@code file} (its catalogue row and its sidecar's
   * bytes), empty when there is none: the indexer re-recognises an unchanged file when this
   * changes.
   */
  public String fingerprint(Path file) {
    StringBuilder given = new StringBuilder();
    String key = catalogueKey(file);
    if (key != null && catalogue.containsKey(key)) {
      given.append(catalogue.get(key));
    }
    Path sidecar = file.resolveSibling(file.getFileName() + SIDECAR_SUFFIX);
    try {
      if (Files.isRegularFile(sidecar)) {
        given.append('\n').append(Files.readString(sidecar));
      }
    } catch (IOException e) {
      given.append("\nunreadable");
    }
    if (given.isEmpty()) {
      return "";
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(given.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }

  private String catalogueKey(Path file) {
    if (docsRoot == null) {
      return null;
    }
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(docsRoot)
        ? docsRoot.relativize(absolute).toString().replace('\\', '/')
        : null;
  }

  /** One entry from a JSON object (a sidecar file, a catalogue element or a CSV row). */
  static SidecarEntry entry(JsonNode node) {
    if (!(node instanceof ObjectNode)) {
      throw new UncheckedIOException(new IOException("a sidecar entry must be a JSON object"));
    }
    String yearText = text(node, "year");
    Integer year = null;
    if (yearText != null && yearText.matches("\\d{4}")) {
      year = Integer.valueOf(yearText);
    }
    String status = text(node, "status");
    return new SidecarEntry(
        text(node, "identifier"),
        text(node, "title_zh"),
        text(node, "title_en"),
        date(text(node, "published")),
        date(text(node, "implemented")),
        year,
        list(node, "ics"),
        list(node, "ccs").stream().map(c -> c.replaceAll("\\s+", "")).toList(),
        list(node, "replaces"),
        status == null ? null : status.toLowerCase(Locale.ROOT),
        list(node, "fields"),
        text(node, "type"),
        text(node, "level"),
        text(node, "language"),
        list(node, "issuers"));
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String s = value.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static List<String> list(JsonNode node, String name) {
    JsonNode value = node.get(name);
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (value.isArray()) {
      value.forEach(v -> add(out, v.asText()));
    } else {
      for (String part : value.asText().split("[;|、]")) {
        add(out, part);
      }
    }
    return out;
  }

  private static void add(List<String> out, String value) {
    String s = value.strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
  }

  private static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      LOG.warn("sidecar date '{}' is not ISO (yyyy-mm-dd); ignored", text);
      return null;
    }
  }
}
