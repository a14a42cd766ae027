package org.stdsearch.index;

import java.util.List;
import java.util.Objects;
import org.stdsearch.classify.FieldAssignment;
import org.stdsearch.recognise.RecognisedStandard;

/**
 * One standard as the pipeline hands it to a {@link StandardSink}: recognised, classified, and with
 * the incremental state the sink stores beside it.
 *
 * @param standard the recognised standard (its document's relative path is the key a sink replaces by)
 * @param fields technology fields assigned to it
 * @param stateKey what decides "unchanged" on the next run (see {@link IndexedFile#stateKey})
 * @param modified the file's trusted modification time (epoch ms), or {@link IndexedFile#NO_STAMP}
 */
public record IndexEntry(RecognisedStandard standard, List<FieldAssignment> fields, String stateKey, long modified) {
  public IndexEntry {
    Objects.requireNonNull(standard, "standard");
    Objects.requireNonNull(stateKey, "stateKey");
    fields = List.copyOf(fields);
  }

  /** The key a sink replaces by: the file's path below the docs folder, with {@code /}. */
  public String path() {
    return standard.document().relativePath();
  }
}
