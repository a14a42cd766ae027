package org.stdsearch.index;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.FSDirectory;

/**
 * What compressing an index's stored fields costs at each Zstandard level: every stored value of the
 * index (the full text, its position table, the records), concatenated in document order, cut into
 * the codec's chunks and compressed by {@link ZstdCompressionMode}'s own compressor on one thread.
 * Prints one line per level and round: the thread's CPU time, the compressed size and its share of
 * the stored bytes. Reading does not depend on the level, so this is the whole of its price.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.stdsearch.index.StoredCompressionCost INDEX 3,6,9 3</pre>
 */
public final class StoredCompressionCost {
  private StoredCompressionCost() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: StoredCompressionCost INDEX LEVELS ROUNDS   (levels comma-separated, e.g. 3,6,9)");
      System.exit(2);
    }
    byte[] stored = storedBytes(Path.of(args[0]));
    System.out.printf(Locale.ROOT, "STORED bytes=%,d chunk=%d%n", stored.length, StdsearchCodec.CHUNK_SIZE);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int rounds = Integer.parseInt(args[2]);
    for (int round = 1; round <= rounds; round++) {
      for (String level : args[1].split(",")) {
        Compressor compressor = ZstdCompressionMode.atLevel(Integer.parseInt(level.trim())).newCompressor();
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        long start = threads.getCurrentThreadCpuTime();
        for (int off = 0; off < stored.length; off += StdsearchCodec.CHUNK_SIZE) {
          int length = Math.min(StdsearchCodec.CHUNK_SIZE, stored.length - off);
          compressor.compress(new ByteBuffersDataInput(List.of(ByteBuffer.wrap(stored, off, length))), out);
        }
        double cpu = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "COMPRESS round=%d level=%s cpu_s=%.2f mb_per_s=%.1f compressed_mb=%.2f share=%.3f%n",
            round, level.trim(), cpu, stored.length / 1e6 / cpu, out.size() / 1e6, (double) out.size() / stored.length);
      }
    }
  }

  private static byte[] storedBytes(Path index) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields fields = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          for (IndexableField f : fields.document(doc)) {
            if (f.binaryValue() != null) {
              all.write(f.binaryValue().bytes, f.binaryValue().offset, f.binaryValue().length);
            } else if (f.stringValue() != null) {
              all.write(f.stringValue().getBytes(StandardCharsets.UTF_8));
            }
          }
        }
      }
    }
    return all.toByteArray();
  }
}
