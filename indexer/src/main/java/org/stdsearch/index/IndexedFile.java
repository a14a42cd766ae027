package org.stdsearch.index;

/**
 * What a sink holds for one file: the incremental state a run compares the docs folder with, kept
 * by the sink beside the standard itself so that an interrupted run resumes from what was written.
 *
 * @param stateKey the content hash (SHA-256, hex) followed by the sidecar's fingerprint; a file
 *     waiting for OCR carries a suffix, so it is never taken as unchanged
 * @param mime the detected type
 * @param size bytes of the file when indexed
 * @param modified the file's trusted modification time (epoch ms), or {@link #NO_STAMP}
 */
public record IndexedFile(String stateKey, String mime, long size, long modified) {
  /** No trusted modification time: the file is hashed on the next pass. */
  public static final long NO_STAMP = Long.MIN_VALUE;

  /** The content hash at the start of the state key (SHA-256, hex). */
  public String hash() {
    return stateKey.substring(0, Math.min(stateKey.length(), 64));
  }

  /** Same size and modification time as when it was indexed: the content is taken as unchanged. */
  public boolean sameFile(long size, long modified) {
    return this.modified != NO_STAMP && this.modified == modified && this.size == size;
  }
}
