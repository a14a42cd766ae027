package org.stdsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.stdsearch.recognise.RecognisedStandard.Clause;

/**
 * Where each clause starts and ends in the text ({@link Schema#CLAUSE_SPANS}): all a snippet needs
 * to name its clause, without parsing the record's clause list (headings, pages) for every hit.
 */
public final class ClauseSpans {
  /** A clause's number and its [start, end) character offsets; end 0 when unknown. */
  public record Span(String number, int start, int end) {}

  private ClauseSpans() {}

  static BytesRef encode(List<Clause> clauses) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      for (Clause c : clauses) {
        out.writeString(c.number());
        out.writeVInt(Math.max(0, c.start()));
        out.writeVInt(Math.max(0, c.end()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return new BytesRef(out.toArrayCopy());
  }

  /** Decodes what {@link #encode} wrote; an absent value (no clauses) is an empty list. */
  public static List<Span> decode(BytesRef bytes) {
    if (bytes == null) {
      return List.of();
    }
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    List<Span> spans = new ArrayList<>();
    try {
      while (!in.eof()) {
        spans.add(new Span(in.readString(), in.readVInt(), in.readVInt()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return spans;
  }

  /** Number of the innermost clause starting at or before {@code offset} and not ended, or null. */
  public static String clauseAt(List<Span> spans, int offset) {
    String found = null;
    for (Span s : spans) {
      if (s.start() > offset) {
        break;
      }
      if (s.end() <= 0 || offset < s.end()) {
        found = s.number();
      }
    }
    return found;
  }
}
