package org.stdsearch.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;

/** Page start offsets stored as delta-encoded varints: a 500-page standard costs ~1 KB. */
public final class PageStartsCodec {
  private PageStartsCodec() {}

  static BytesRef encode(List<Integer> starts) {
    byte[] buf = new byte[5 * starts.size()];
    int pos = 0;
    int previous = 0;
    for (int start : starts) {
      int delta = start - previous;
      previous = start;
      while ((delta & ~0x7F) != 0) {
        buf[pos++] = (byte) ((delta & 0x7F) | 0x80);
        delta >>>= 7;
      }
      buf[pos++] = (byte) delta;
    }
    return new BytesRef(buf, 0, pos);
  }

  /** Decodes what {@link #encode} wrote (read from the doc values {@link Schema#PAGE_STARTS}). */
  public static List<Integer> decode(BytesRef bytes) {
    if (bytes == null) {
      return List.of(0);
    }
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    List<Integer> starts = new ArrayList<>();
    int value = 0;
    while (!in.eof()) {
      value += in.readVInt();
      starts.add(value);
    }
    return starts;
  }
}
