package org.stdsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * What each field of an index costs on disk, exactly: the index is copied once per field with
 * only that field kept ({@code IndexWriter.addIndexes} over a filtered reader, merged to one
 * segment), and the copy's files are summed by kind (postings, positions, offsets, terms,
 * stored fields, doc values, norms, points). Lucene has no per-field size report; Solr's
 * {@code IndexSizeEstimator} samples instead of measuring.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.stdsearch.index.FieldSizes INDEX SCRATCH [FIELD...]</pre>
 */
public final class FieldSizes {
  private FieldSizes() {}

  /** File extensions by what they hold (Lucene 10 default codec). */
  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("doc", "docs+freqs"), Map.entry("pos", "positions"), Map.entry("pay", "offsets+payloads"),
      Map.entry("tim", "terms"), Map.entry("tip", "terms"), Map.entry("tmd", "terms"), Map.entry("psm", "terms"),
      Map.entry("fdt", "stored"), Map.entry("fdx", "stored"), Map.entry("fdm", "stored"),
      Map.entry("dvd", "docvalues"), Map.entry("dvm", "docvalues"),
      Map.entry("nvd", "norms"), Map.entry("nvm", "norms"),
      Map.entry("kdd", "points"), Map.entry("kdi", "points"), Map.entry("kdm", "points"));

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: FieldSizes INDEX SCRATCH [FIELD...]");
      System.exit(2);
    }
    Path index = Path.of(args[0]);
    Path scratch = Path.of(args[1]);
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      Set<String> fields = new TreeSet<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        leaf.reader().getFieldInfos().forEach(fi -> fields.add(fi.name));
      }
      if (args.length > 2) {
        fields.retainAll(List.of(args).subList(2, args.length));
      }
      System.out.printf(Locale.ROOT, "FIELD_SIZES index=%s bytes=%d docs=%d%n", index, sizeOf(dir, null).values()
          .stream().mapToLong(Long::longValue).sum(), reader.maxDoc());
      List<String[]> rows = new ArrayList<>();
      for (String field : fields) {
        Map<String, Long> kinds = copyWithOnly(reader, field, scratch);
        long total = kinds.entrySet().stream().filter(e -> !e.getKey().startsWith("#"))
            .mapToLong(Map.Entry::getValue).sum();
        StringBuilder line = new StringBuilder();
        kinds.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        rows.add(new String[] {field, Long.toString(total), line.toString()});
      }
      rows.sort(Comparator.comparingLong((String[] r) -> Long.parseLong(r[1])).reversed());
      for (String[] r : rows) {
        System.out.printf(Locale.ROOT, "FIELD field=%s bytes=%s mb=%.1f%s%n", r[0], r[1], Long.parseLong(r[1]) / 1e6,
            r[2]);
      }
    }
  }

  private static Map<String, Long> copyWithOnly(DirectoryReader reader, String field, Path scratch)
      throws IOException {
    IOUtils.rm(scratch);
    Files.createDirectories(scratch);
    try (Directory out = FSDirectory.open(scratch)) {
      IndexWriterConfig iwc = new IndexWriterConfig();
      iwc.setUseCompoundFile(false);
      try (IndexWriter writer = new IndexWriter(out, iwc)) {
        List<CodecReader> parts = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
          parts.add(SlowCodecReaderWrapper.wrap(new OnlyField(leaf.reader(), field)));
        }
        writer.addIndexes(parts.toArray(CodecReader[]::new));
        writer.forceMerge(1);
        writer.commit();
      }
      Map<String, Long> kinds = sizeOf(out, field);
      try (DirectoryReader copy = DirectoryReader.open(out)) {
        for (LeafReaderContext leaf : copy.leaves()) {
          Terms terms = leaf.reader().terms(field);
          if (terms != null) {
            kinds.put("#terms", terms.size());
            kinds.put("#docs", (long) terms.getDocCount());
            kinds.put("#postings", terms.getSumDocFreq());
            kinds.put("#tokens", terms.getSumTotalTermFreq());
          }
        }
      }
      return kinds;
    } finally {
      IOUtils.rm(scratch);
    }
  }

  private static Map<String, Long> sizeOf(Directory dir, String field) throws IOException {
    Map<String, Long> kinds = new TreeMap<>();
    for (String file : dir.listAll()) {
      int dot = file.lastIndexOf('.');
      String kind = dot < 0 ? null : KINDS.get(file.substring(dot + 1));
      if (kind != null) {
        kinds.merge(kind, dir.fileLength(file), Long::sum);
      }
    }
    return kinds;
  }

  /** A reader that shows one field and hides every other (postings, doc values, stored, points, norms). */
  private static final class OnlyField extends FilterLeafReader {
    private final String field;
    private final FieldInfos infos;

    OnlyField(LeafReader in, String field) {
      super(in);
      this.field = field;
      List<FieldInfo> kept = new ArrayList<>();
      in.getFieldInfos().forEach(fi -> {
        if (fi.name.equals(field)) {
          kept.add(fi);
        }
      });
      this.infos = new FieldInfos(kept.toArray(FieldInfo[]::new));
    }

    @Override
    public FieldInfos getFieldInfos() {
      return infos;
    }

    @Override
    public Terms terms(String f) throws IOException {
      return f.equals(field) ? super.terms(f) : null;
    }

    @Override
    public NumericDocValues getNumericDocValues(String f) throws IOException {
      return f.equals(field) ? super.getNumericDocValues(f) : null;
    }

    @Override
    public BinaryDocValues getBinaryDocValues(String f) throws IOException {
      return f.equals(field) ? super.getBinaryDocValues(f) : null;
    }

    @Override
    public SortedDocValues getSortedDocValues(String f) throws IOException {
      return f.equals(field) ? super.getSortedDocValues(f) : null;
    }

    @Override
    public SortedNumericDocValues getSortedNumericDocValues(String f) throws IOException {
      return f.equals(field) ? super.getSortedNumericDocValues(f) : null;
    }

    @Override
    public SortedSetDocValues getSortedSetDocValues(String f) throws IOException {
      return f.equals(field) ? super.getSortedSetDocValues(f) : null;
    }

    @Override
    public NumericDocValues getNormValues(String f) throws IOException {
      return f.equals(field) ? super.getNormValues(f) : null;
    }

    @Override
    public PointValues getPointValues(String f) throws IOException {
      return f.equals(field) ? super.getPointValues(f) : null;
    }

    @Override
    public StoredFields storedFields() throws IOException {
      StoredFields in = super.storedFields();
      return new StoredFields() {
        @Override
        public void document(int docID, StoredFieldVisitor visitor) throws IOException {
          in.document(docID, new StoredFieldVisitor() {
            @Override
            public Status needsField(FieldInfo fi) throws IOException {
              return fi.name.equals(field) ? visitor.needsField(fi) : Status.NO;
            }

            @Override
            public void stringField(FieldInfo fi, String value) throws IOException {
              visitor.stringField(fi, value);
            }

            @Override
            public void binaryField(FieldInfo fi, byte[] value) throws IOException {
              visitor.binaryField(fi, value);
            }

            @Override
            public void intField(FieldInfo fi, int value) throws IOException {
              visitor.intField(fi, value);
            }

            @Override
            public void longField(FieldInfo fi, long value) throws IOException {
              visitor.longField(fi, value);
            }

            @Override
            public void floatField(FieldInfo fi, float value) throws IOException {
              visitor.floatField(fi, value);
            }

            @Override
            public void doubleField(FieldInfo fi, double value) throws IOException {
              visitor.doubleField(fi, value);
            }
          });
        }
      };
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }
}
