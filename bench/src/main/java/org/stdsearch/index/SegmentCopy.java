package org.stdsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Rewrites an index segment by segment with the indexer's codec ({@link StdsearchCodec} as it is
 * now) and the indexer's compound-file policy, keeping its segments as they are: what the same
 * index would weigh on disk had it been written by this build, and a twin of it for {@code
 * SnippetCost}. Prints both sizes.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.stdsearch.index.SegmentCopy INDEX TARGET</pre>
 */
public final class SegmentCopy {
  private SegmentCopy() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: SegmentCopy INDEX TARGET   (TARGET is overwritten)");
      System.exit(2);
    }
    Path target = Path.of(args[1]);
    IOUtils.rm(target);
    Files.createDirectories(target);
    try (Directory in = FSDirectory.open(Path.of(args[0])); DirectoryReader reader = DirectoryReader.open(in);
        Directory out = FSDirectory.open(target)) {
      IndexWriterConfig iwc = new IndexWriterConfig().setCodec(new StdsearchCodec())
          .setMergePolicy(new FilterMergePolicy(new TieredMergePolicy()) {
            @Override // the source's segments as they are; compound files as the indexer decides them
            public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context) {
              return null;
            }
          });
      try (IndexWriter writer = new IndexWriter(out, iwc)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          writer.addIndexes((CodecReader) leaf.reader()); // one segment for each of the source's
        }
        writer.setLiveCommitData(reader.getIndexCommit().getUserData().entrySet());
        writer.commit();
      }
      long before = FieldSizes.sizeOfIndexFiles(in);
      long after = FieldSizes.sizeOfIndexFiles(out);
      System.out.printf(Locale.ROOT, "SEGMENTCOPY index=%s segments=%d bytes=%,d copy=%s bytes=%,d ratio=%.4f%n",
          args[0], reader.leaves().size(), before, target, after, (double) after / before);
    }
  }
}
