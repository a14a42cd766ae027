package org.stdsearch.extract;

import java.util.Collections;
import java.util.List;

/** Maps a text offset to the page it lies on, given the offsets where pages start. */
public final class PageOffsets {
  private PageOffsets() {}

  /** 1-based page of {@code offset}; offsets before the first page start count as page 1. */
  public static int pageAt(List<Integer> pageStarts, int offset) {
    int i = Collections.binarySearch(pageStarts, offset);
    // An exact hit is the first character of page i+1; otherwise the insertion point follows
    // the page that contains the offset.
    int page = i >= 0 ? i + 1 : -i - 1;
    return Math.max(1, page);
  }
}
