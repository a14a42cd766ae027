package org.stdsearch.index;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
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
 * Zstandard (level 3, aircompressor's pure-Java implementation) over a whole block of stored
 * fields: the compressed length as a vInt, then one Zstandard frame. A block is decompressed whole,
 * as Lucene's DEFLATE mode does; Zstandard gets close to DEFLATE's ratio on text and decompresses
 * several times faster.
 */
public final class ZstdCompressionMode extends CompressionMode {

  @Override
  public Compressor newCompressor() {
    return new ZstdBlockCompressor();
  }

  @Override
  public Decompressor newDecompressor() {
    return new ZstdBlockDecompressor();
  }

  @Override
  public String toString() {
    return "ZSTD";
  }

  private static final class ZstdBlockCompressor extends Compressor {
    private final ZstdCompressor zstd = new ZstdCompressor();
    private byte[] input = BytesRef.EMPTY_BYTES;
    private byte[] output = BytesRef.EMPTY_BYTES;

    @Override
    public void compress(ByteBuffersDataInput buffersInput, DataOutput out) throws IOException {
      int length = Math.toIntExact(buffersInput.length() - buffersInput.position());
      input = ArrayUtil.growNoCopy(input, length);
      buffersInput.readBytes(input, 0, length);
      output = ArrayUtil.growNoCopy(output, zstd.maxCompressedLength(length));
      int compressed = zstd.compress(input, 0, length, output, 0, output.length);
      out.writeVInt(compressed);
      out.writeBytes(output, 0, compressed);
    }

    @Override
    public void close() {}
  }

  private static final class ZstdBlockDecompressor extends Decompressor {
    private final ZstdDecompressor zstd = new ZstdDecompressor();
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
      int decompressed;
      try {
        decompressed = zstd.decompress(compressed, 0, size, bytes.bytes, 0, originalLength);
      } catch (MalformedInputException e) {
        throw new CorruptIndexException("bad Zstandard block: " + e.getMessage(), in, e);
      }
      if (decompressed != originalLength) {
        throw new CorruptIndexException("Zstandard block of " + decompressed + " bytes, expected " + originalLength, in);
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
