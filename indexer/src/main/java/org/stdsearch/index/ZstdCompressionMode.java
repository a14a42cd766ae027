package org.stdsearch.index;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Zstandard (libzstd through zstd-jni) over a whole block of stored fields: the compressed length
 * as a vInt, then one Zstandard frame. A block is decompressed whole, as Lucene's DEFLATE mode does;
 * Zstandard gets close to DEFLATE's ratio on text and decompresses several times faster. The level
 * matters to writing only: any frame reads the same way.
 *
 * <p>One instance per level ({@link #atLevel}): Lucene copies a merged segment's compressed chunks
 * as they are only when the reader's mode is the very instance the writer holds, and otherwise
 * decompresses and recompresses every stored document of every merge.
 */
public final class ZstdCompressionMode extends CompressionMode {
  /** Zstandard's highest level; negative levels (its fast modes) are not offered. */
  static final int MAX_LEVEL = 22;
  private static final ZstdCompressionMode[] LEVELS = new ZstdCompressionMode[MAX_LEVEL + 1];

  static {
    for (int level = 0; level <= MAX_LEVEL; level++) {
      LEVELS[level] = new ZstdCompressionMode(level);
    }
  }

  private final int level;

  private ZstdCompressionMode(int level) {
    this.level = level;
  }

  /** The mode compressing at {@code level} (0 is Zstandard's default, 3). */
  public static ZstdCompressionMode atLevel(int level) {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("Zstandard level " + level + " is not in 0.." + MAX_LEVEL);
    }
    return LEVELS[level];
  }

  @Override
  public Compressor newCompressor() {
    return new ZstdBlockCompressor(level);
  }

  @Override
  public Decompressor newDecompressor() {
    return new ZstdBlockDecompressor();
  }

  @Override
  public String toString() {
    return "ZSTD(level=" + level + ")";
  }

  private static final class ZstdBlockCompressor extends Compressor {
    private final int level;
    private byte[] input = BytesRef.EMPTY_BYTES;
    private byte[] output = BytesRef.EMPTY_BYTES;

    ZstdBlockCompressor(int level) {
      this.level = level;
    }

    @Override
    public void compress(ByteBuffersDataInput buffersInput, DataOutput out) throws IOException {
      int length = Math.toIntExact(buffersInput.length() - buffersInput.position());
      input = ArrayUtil.growNoCopy(input, length);
      buffersInput.readBytes(input, 0, length);
      output = ArrayUtil.growNoCopy(output, Math.toIntExact(Zstd.compressBound(length)));
      long compressed = Zstd.compressByteArray(output, 0, output.length, input, 0, length, level);
      if (Zstd.isError(compressed)) {
        throw new IOException("Zstandard: " + Zstd.getErrorName(compressed));
      }
      out.writeVInt((int) compressed);
      out.writeBytes(output, 0, (int) compressed);
    }

    @Override
    public void close() {}
  }

  private static final class ZstdBlockDecompressor extends Decompressor {
    private byte[] compressed = BytesRef.EMPTY_BYTES;

    @Override
    public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
        throws IOException {
      if (length == 0) { // the reader positions the input before every read: nothing to consume
        bytes.length = 0;
        return;
      }
      int size = in.readVInt();
      compressed = ArrayUtil.growNoCopy(compressed, size);
      in.readBytes(compressed, 0, size);
      bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, originalLength);
      long decompressed = Zstd.decompressByteArray(bytes.bytes, 0, originalLength, compressed, 0, size);
      if (Zstd.isError(decompressed) || decompressed != originalLength) {
        throw new CorruptIndexException("Zstandard block: " + (Zstd.isError(decompressed)
            ? Zstd.getErrorName(decompressed) : decompressed + " bytes, expected " + originalLength), in);
      }
      bytes.offset = offset;
      bytes.length = length;
    }

    @Override
    public Decompressor clone() {
      return new ZstdBlockDecompressor();
    }
  }
}
