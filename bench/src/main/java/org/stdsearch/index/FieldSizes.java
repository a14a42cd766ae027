package org.stdsearch.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.DocValuesFormat;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104PostingsFormat;
import org.apache.lucene.codecs.lucene90.Lucene90DocValuesFormat;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.perfield.PerFieldDocValuesFormat;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;

/**
 * What each field of an index costs on disk, by kind (terms, docs and freqs, positions, offsets,
 * doc values, stored). Lucene has no per-field size report, so the index is copied once into
 * SCRATCH ({@code IndexWriter.addIndexes}, one segment) with a codec that gives every field its
 * own postings and doc-values files, and those files are summed by the field they belong to (the
 * per-field format attributes name each field's file suffix). Stored fields share one compressed
 * file: each field is given its share of it by its uncompressed bytes (the table says so).
 * Norms and points are per index, not per field, and small: one line each.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.stdsearch.index.FieldSizes INDEX SCRATCH</pre>
 *
 * <p>{@code -Dfieldsizes.stored=BEST_COMPRESSION} (or BEST_SPEED) copies the stored fields in that
 * mode of Lucene's instead of the index's own: what that mode would cost; {@code ZSTD:120:6} (a
 * {@code StdsearchCodec.StoredMode}, a chunk size in KB and a level, 3 when left out) in one of ours. {@code
 * -Dfieldsizes.keep=true} leaves the copy in SCRATCH (a one-segment index in that mode, which opens
 * with the same codec: for {@code SnippetCost}).
 */
public final class FieldSizes {
  private FieldSizes() {}

  private static final List<String> COLUMNS = List.of("terms", "docs+freqs", "positions", "offsets", "docvalues",
      "stored~");
  /** Postings and doc-values file extensions (Lucene 10's default formats) by what they hold. */
  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("doc", "docs+freqs"), Map.entry("pos", "positions"), Map.entry("pay", "offsets"),
      Map.entry("tim", "terms"), Map.entry("tip", "terms"), Map.entry("tmd", "terms"), Map.entry("psm", "terms"),
      Map.entry("dvd", "docvalues"), Map.entry("dvm", "docvalues"));
  private static final Map<String, String> SHARED = Map.ofEntries(
      Map.entry("fdt", "stored"), Map.entry("fdx", "stored"), Map.entry("fdm", "stored"),
      Map.entry("nvd", "norms"), Map.entry("nvm", "norms"),
      Map.entry("kdd", "points"), Map.entry("kdi", "points"), Map.entry("kdm", "points"));
  /** A per-field file: segment, format name, suffix, extension. */
  private static final Pattern PER_FIELD_FILE = Pattern.compile("_[a-z0-9]+_(\\w+?)_(\\d+)\\.(\\w+)");

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: FieldSizes INDEX SCRATCH   (SCRATCH is overwritten)");
      System.exit(2);
    }
    Path index = Path.of(args[0]);
    Path scratch = Path.of(args[1]);
    IOUtils.rm(scratch);
    Files.createDirectories(scratch);
    long indexBytes;
    Map<String, Long> rawStored;
    int docs;
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      indexBytes = sizeOfIndexFiles(dir);
      docs = reader.numDocs();
      rawStored = storedBytesByField(reader);
      try (Directory out = FSDirectory.open(scratch)) {
        IndexWriterConfig iwc = new IndexWriterConfig().setCodec(copyCodec(reader))
            .setUseCompoundFile(false);
        try (IndexWriter writer = new IndexWriter(out, iwc)) {
          List<CodecReader> parts = new ArrayList<>();
          for (LeafReaderContext leaf : reader.leaves()) {
            parts.add((CodecReader) leaf.reader());
          }
          writer.addIndexes(parts.toArray(CodecReader[]::new));
          writer.commit();
        }
      }
    }
    try (Directory out = FSDirectory.open(scratch); DirectoryReader copy = DirectoryReader.open(out)) {
      report(index, indexBytes, docs, out, copy.leaves().get(0).reader(), rawStored);
    } finally {
      if (!Boolean.getBoolean("fieldsizes.keep")) {
        IOUtils.rm(scratch);
      }
    }
  }

  private static void report(Path index, long indexBytes, int docs, Directory copy, LeafReader segment,
      Map<String, Long> rawStored) throws IOException {
    Map<String, String> postingsField = new HashMap<>();
    Map<String, String> docValuesField = new HashMap<>();
    for (FieldInfo fi : segment.getFieldInfos()) {
      String pf = fi.getAttribute(PerFieldPostingsFormat.PER_FIELD_FORMAT_KEY);
      if (pf != null) {
        postingsField.put(pf + "_" + fi.getAttribute(PerFieldPostingsFormat.PER_FIELD_SUFFIX_KEY), fi.name);
      }
      String dvf = fi.getAttribute(PerFieldDocValuesFormat.PER_FIELD_FORMAT_KEY);
      if (dvf != null) {
        docValuesField.put(dvf + "_" + fi.getAttribute(PerFieldDocValuesFormat.PER_FIELD_SUFFIX_KEY), fi.name);
      }
    }
    Map<String, Map<String, Long>> byField = new TreeMap<>();
    Map<String, Long> shared = new TreeMap<>();
    long copyBytes = 0;
    for (String file : copy.listAll()) {
      long length = copy.fileLength(file);
      copyBytes += file.startsWith("_") || file.startsWith("segments") ? length : 0;
      String ext = file.substring(file.lastIndexOf('.') + 1);
      Matcher m = PER_FIELD_FILE.matcher(file);
      if (SHARED.containsKey(ext)) {
        shared.merge(SHARED.get(ext), length, Long::sum);
      } else if (m.matches() && KINDS.containsKey(ext)) {
        String key = m.group(1) + "_" + m.group(2);
        String field = ext.startsWith("dv") ? docValuesField.get(key) : postingsField.get(key);
        byField.computeIfAbsent(field == null ? "?" + key : field, f -> new TreeMap<>())
            .merge(KINDS.get(ext), length, Long::sum);
      }
    }
    long storedTotal = shared.getOrDefault("stored", 0L);
    long rawTotal = rawStored.values().stream().mapToLong(Long::longValue).sum();
    rawStored.forEach((field, raw) -> byField.computeIfAbsent(field, f -> new TreeMap<>())
        .put("stored~", rawTotal == 0 ? 0 : Math.round((double) storedTotal * raw / rawTotal)));

    System.out.printf(Locale.ROOT, "index %s: %s in its files, %,d documents; copied as one segment: %s%n%n",
        index, mb(indexBytes), docs, mb(copyBytes));
    System.out.println("| field | " + String.join(" | ", COLUMNS) + " | total | tokens | distinct terms |");
    System.out.println("|---|" + "---:|".repeat(COLUMNS.size() + 3));
    List<Map.Entry<String, Map<String, Long>>> rows = new ArrayList<>(byField.entrySet());
    rows.sort(Comparator.comparingLong((Map.Entry<String, Map<String, Long>> e) -> total(e.getValue())).reversed());
    long shown = 0;
    for (Map.Entry<String, Map<String, Long>> row : rows) {
      StringBuilder line = new StringBuilder("| " + row.getKey() + " |");
      for (String column : COLUMNS) {
        Long v = row.getValue().get(column);
        line.append(' ').append(v == null ? "" : mb(v)).append(" |");
      }
      Terms terms = segment.terms(row.getKey());
      line.append(' ').append(mb(total(row.getValue()))).append(" | ")
          .append(terms == null || terms.getSumTotalTermFreq() < 0 ? "" : String.format(Locale.ROOT, "%,d",
              terms.getSumTotalTermFreq()))
          .append(" | ").append(terms == null ? "" : String.format(Locale.ROOT, "%,d", terms.size())).append(" |");
      shown += total(row.getValue());
      System.out.println(line);
    }
    for (String kind : List.of("norms", "points")) {
      long v = shared.getOrDefault(kind, 0L);
      shown += v;
      System.out.printf(Locale.ROOT, "| (%s, all fields) |%s %s |  |  |%n", kind, " |".repeat(COLUMNS.size()), mb(v));
    }
    System.out.printf(Locale.ROOT, "| (segment info, field infos) |%s %s |  |  |%n", " |".repeat(COLUMNS.size()),
        mb(copyBytes - shown));
    System.out.printf(Locale.ROOT, "%nstored~: the stored fields' %s (compressed) shared by uncompressed bytes "
        + "(%s uncompressed, ratio %.2f)%n", mb(storedTotal), mb(rawTotal), rawTotal == 0 ? 0 : (double) storedTotal / rawTotal);
  }

  private static long total(Map<String, Long> kinds) {
    return kinds.values().stream().mapToLong(Long::longValue).sum();
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  /** Bytes of the index's own files in {@code dir} (segments and commit points). */
  static long sizeOfIndexFiles(Directory dir) throws IOException {
    long sum = 0;
    for (String file : dir.listAll()) {
      if (file.startsWith("_") || file.startsWith("segments")) {
        sum += dir.fileLength(file);
      }
    }
    return sum;
  }

  /**
   * The codec of the index's first segment, with its stored fields in the mode named by the system
   * property {@code fieldsizes.stored} when given.
   */
  private static Codec copyCodec(DirectoryReader reader) {
    Codec codec = Codec.getDefault();
    String asked = System.getProperty("fieldsizes.stored");
    for (LeafReaderContext leaf : reader.leaves()) {
      if (leaf.reader() instanceof SegmentReader segment) {
        codec = segment.getSegmentInfo().info.getCodec();
        // a segment in one of Lucene's own stored-field modes is copied in that mode
        String luceneMode = segment.getSegmentInfo().info.getAttribute(Lucene90StoredFieldsFormat.MODE_KEY);
        asked = asked == null ? luceneMode : asked;
        break;
      }
    }
    return new FilePerField(codec, asked == null ? codec.storedFieldsFormat() : storedFormat(asked));
  }

  /** BEST_SPEED, BEST_COMPRESSION (Lucene's modes) or one of {@code StdsearchCodec}'s as MODE:KB[:LEVEL]. */
  private static StoredFieldsFormat storedFormat(String asked) {
    String[] modeAndKb = asked.split(":");
    if (modeAndKb.length >= 2) {
      return StdsearchCodec.storedFieldsFormat(StdsearchCodec.StoredMode.valueOf(modeAndKb[0]),
          Integer.parseInt(modeAndKb[1]) * 1024, modeAndKb.length > 2 ? Integer.parseInt(modeAndKb[2]) : 3);
    }
    return new Lucene104Codec(Lucene104Codec.Mode.valueOf(asked)).storedFieldsFormat();
  }

  /** Uncompressed bytes of each stored field over the live documents (strings as UTF-8). */
  private static Map<String, Long> storedBytesByField(DirectoryReader reader) throws IOException {
    Map<String, Long> bytes = new TreeMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      StoredFields stored = leaf.reader().storedFields();
      Bits live = leaf.reader().getLiveDocs();
      StoredFieldVisitor visitor = new StoredFieldVisitor() {
        @Override
        public Status needsField(FieldInfo field) {
          return Status.YES;
        }

        @Override
        public void stringField(FieldInfo field, String value) {
          bytes.merge(field.name, (long) value.getBytes(StandardCharsets.UTF_8).length, Long::sum);
        }

        @Override
        public void binaryField(FieldInfo field, byte[] value) {
          bytes.merge(field.name, (long) value.length, Long::sum);
        }

        @Override
        public void intField(FieldInfo field, int value) {
          bytes.merge(field.name, 4L, Long::sum);
        }

        @Override
        public void longField(FieldInfo field, long value) {
          bytes.merge(field.name, 8L, Long::sum);
        }

        @Override
        public void floatField(FieldInfo field, float value) {
          bytes.merge(field.name, 4L, Long::sum);
        }

        @Override
        public void doubleField(FieldInfo field, double value) {
          bytes.merge(field.name, 8L, Long::sum);
        }
      };
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          stored.document(doc, visitor);
        }
      }
    }
    return bytes;
  }

  /**
   * The index's own codec, with a new postings and doc-values format instance for each field, so
   * that each field is written to files of its own (named as the codec names them, so the copy
   * opens with it).
   */
  private static final class FilePerField extends FilterCodec {
    private final StoredFieldsFormat stored;

    FilePerField(Codec codec, StoredFieldsFormat stored) {
      super(codec.getName(), codec);
      this.stored = stored;
    }

    @Override
    public PostingsFormat postingsFormat() {
      return new PerFieldPostingsFormat() {
        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
          return new Lucene104PostingsFormat();
        }
      };
    }

    @Override
    public DocValuesFormat docValuesFormat() {
      return new PerFieldDocValuesFormat() {
        @Override
        public DocValuesFormat getDocValuesFormatForField(String field) {
          return new Lucene90DocValuesFormat();
        }
      };
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
      return stored;
    }
  }
}
