package org.stdsearch.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredValue;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Where each position of {@link Schema#CONTENT} starts and ends in the text, so the highlighter
 * finds a match's characters from the position in the postings instead of from offsets indexed
 * with every posting (which took a quarter of the index) or from analysing the text again (tens
 * of milliseconds a document).
 *
 * <p>A position's span is its shortest token: the word, or the Han character (the bigram stacked
 * on the same position reaches to the end of the next one, see {@link #isBigram}). Positions are
 * encoded as runs of equal steps: a run of Han characters is one run however long, a Latin word
 * one entry of a byte or so. Stored after the text, so both come out of one decompression.
 */
public final class PositionOffsets {
  private static final int CHECKPOINT_EVERY = 128;

  private final int length;
  private final ByteArrayDataInput in;
  // the run the cursor is in: positions [runFirst, runFirst + runCount), the i-th one spanning
  // [runBase + gap + i * (gap + len), that + len); runBase is where the run's first gap begins
  private int runFirst;
  private int runCount;
  private int runBase;
  private int gap;
  private int len;
  // checkpoints at run starts, at least CHECKPOINT_EVERY positions apart: first position, byte
  // offset of the run, its base
  private int[] checkpoints = new int[3 * 8];
  private int checkpointCount;

  /** Reads the encoding {@link Recorder} wrote. */
  public PositionOffsets(BytesRef encoded) {
    this.length = encoded.offset + encoded.length;
    this.in = new ByteArrayDataInput(encoded.bytes, encoded.offset, encoded.length);
    rewind(0, encoded.offset, 0);
  }

  /** Start offset of the token at {@code position}, or -1 past the last position. */
  public int start(int position) {
    return seek(position) ? runBase + gap + (position - runFirst) * (gap + len) : -1;
  }

  /** End offset of the shortest token at {@code position}, or -1 past the last position. */
  public int end(int position) {
    return seek(position) ? runBase + gap + (position - runFirst) * (gap + len) + len : -1;
  }

  /**
   * Whether {@code term} is a CJK bigram of the full text: two characters of the scripts {@code
   * CJKBigramFilter} pairs, spanning its own position and the next.
   */
  public static boolean isBigram(CharSequence term) {
    if (term.length() < 2 || term.length() > 4) {
      return false;
    }
    int first = Character.codePointAt(term, 0);
    int next = Character.charCount(first);
    if (next >= term.length()) {
      return false;
    }
    int second = Character.codePointAt(term, next);
    return next + Character.charCount(second) == term.length() && isCjk(first) && isCjk(second);
  }

  private static boolean isCjk(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
  }

  private boolean seek(int position) {
    if (position < 0) {
      return false;
    }
    if (position < runFirst) {
      int lo = 0;
      int hi = checkpointCount - 1;
      while (lo < hi) { // the last checkpoint at or before position
        int mid = (lo + hi + 1) >>> 1;
        if (checkpoints[3 * mid] <= position) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      int c = lo;
      rewind(checkpoints[3 * c], checkpoints[3 * c + 1], checkpoints[3 * c + 2]);
    }
    while (position >= runFirst + runCount) {
      if (in.getPosition() >= length) {
        return false;
      }
      int nextFirst = runFirst + runCount;
      int nextBase = runBase + runCount * (gap + len);
      int lastCheckpoint = checkpointCount == 0 ? Integer.MIN_VALUE : checkpoints[3 * (checkpointCount - 1)];
      if (nextFirst - lastCheckpoint >= CHECKPOINT_EVERY) {
        checkpoints = ArrayUtil.grow(checkpoints, 3 * (checkpointCount + 1));
        checkpoints[3 * checkpointCount] = nextFirst;
        checkpoints[3 * checkpointCount + 1] = in.getPosition();
        checkpoints[3 * checkpointCount + 2] = nextBase;
        checkpointCount++;
      }
      runFirst = nextFirst;
      runBase = nextBase;
      readRun();
    }
    return true;
  }

  private void rewind(int first, int byteOffset, int base) {
    in.setPosition(byteOffset);
    runFirst = first;
    runBase = base;
    runCount = 0;
    gap = 0;
    len = 0;
    if (checkpointCount == 0) {
      checkpoints[0] = first;
      checkpoints[1] = byteOffset;
      checkpoints[2] = base;
      checkpointCount = 1;
    }
  }

  // A run: varint head (len << 3 | gapCode << 1 | repeated); gapCode 0-2 is the gap itself, 3 a
  // zigzag varint gap that follows; when repeated, varint (count - 2). A word of up to 15
  // characters after one space is one byte.
  private void readRun() {
    int head = in.readVInt();
    len = head >>> 3;
    int gapCode = (head >>> 1) & 3;
    gap = gapCode < 3 ? gapCode : BitUtil.zigZagDecode(in.readVInt());
    runCount = (head & 1) == 0 ? 1 : in.readVInt() + 2;
  }

  /**
   * Passes a token stream through unchanged and records each position's span; once the stream is
   * consumed, {@link #storedField} holds the encoding. Positions skipped by the stream (a token
   * too long to index) get an empty span.
   */
  static final class Recorder extends TokenFilter {
    private static final FieldType STORED = storedOnly();
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    private boolean any;
    private int start;
    private int end;
    private int previousEnd;
    private int runGap;
    private int runLen;
    private int runCount;
    private byte[] encoded;

    Recorder(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      int inc = increment.getPositionIncrement();
      if (inc == 0 && any) {
        start = Math.min(start, offset.startOffset());
        end = Math.min(end, offset.endOffset());
        return true;
      }
      if (any) {
        add(start, end);
      }
      for (int hole = 1; hole < inc; hole++) {
        add(previousEnd, previousEnd);
      }
      any = true;
      start = offset.startOffset();
      end = offset.endOffset();
      return true;
    }

    private void add(int s, int e) throws IOException {
      int g = s - previousEnd;
      int l = e - s;
      previousEnd = e;
      if (runCount > 0 && g == runGap && l == runLen) {
        runCount++;
        return;
      }
      flushRun();
      runGap = g;
      runLen = l;
      runCount = 1;
    }

    private void flushRun() throws IOException {
      if (runCount == 0) {
        return;
      }
      int gapCode = runGap >= 0 && runGap < 3 ? runGap : 3;
      out.writeVInt(runLen << 3 | gapCode << 1 | (runCount > 1 ? 1 : 0));
      if (gapCode == 3) {
        out.writeVInt(BitUtil.zigZagEncode(runGap));
      }
      if (runCount > 1) {
        out.writeVInt(runCount - 2);
      }
      runCount = 0;
    }

    /** The encoding of every position seen, once the stream has been consumed. */
    byte[] encoded() throws IOException {
      if (encoded == null) {
        if (any) {
          add(start, end);
          any = false;
        }
        flushRun();
        encoded = out.toArrayCopy();
      }
      return encoded;
    }

    /**
     * A stored field whose value is this recorder's encoding, taken when the writer stores it:
     * it must come after the field this recorder's stream is indexed as.
     */
    Field storedField(String name) {
      return new Field(name, new BytesRef(), STORED) {
        @Override
        public StoredValue storedValue() {
          try {
            return new StoredValue(new BytesRef(encoded()));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // an in-memory output does not fail
          }
        }

        @Override
        public BytesRef binaryValue() {
          return storedValue().getBinaryValue();
        }
      };
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      out.reset();
      encoded = null;
      any = false;
      previousEnd = 0;
      runCount = 0;
    }

    private static FieldType storedOnly() {
      FieldType t = new FieldType();
      t.setStored(true);
      t.setIndexOptions(IndexOptions.NONE);
      t.freeze();
      return t;
    }
  }
}
