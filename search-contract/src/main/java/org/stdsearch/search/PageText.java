package org.stdsearch.search;

import java.util.List;

/** One page of a standard's full text, cut at its page starts the same way by every backend. */
public final class PageText {
  private PageText() {}

  /**
   * The text of {@code page} (from 1) of {@code content}.
   *
   * @param pageStarts where each page starts in {@code content}; none means one page
   * @throws BadParameterException when the standard has no such page
   */
  public static String of(String content, List<Integer> pageStarts, int page) {
    List<Integer> pages = pageStarts == null || pageStarts.isEmpty() ? List.of(0) : pageStarts;
    if (page < 1 || page > pages.size()) {
      throw new BadParameterException("page", "must be between 1 and " + pages.size());
    }
    int from = Math.min(pages.get(page - 1), content.length());
    int to = page < pages.size() ? Math.min(pages.get(page), content.length()) : content.length();
    return content.substring(from, Math.max(from, to));
  }
}
