package org.stdsearch.extract.pdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PDF's text layer judged page by page ({@link PageQuality}): Founder Latin letters are read as
 * ASCII, and the text of unreadable pages is dropped, so that soup never reaches the index. The
 * pages stay where they are (an unreadable page is an empty page) and are named in {@link
 * #UNREADABLE_PAGES}, for the OCR pass to recognise them from their images.
 */
public final class TextLayerPages {
  /** Metadata entry: the pages whose text layer was unreadable, as ranges ("2-20, 22-34"). */
  public static final String UNREADABLE_PAGES = "X-Stdsearch:unreadable-pages";
  private static final String GLYPHS = "pdf:charsPerPage";
  private static final String UNMAPPED = "pdf:unmappedUnicodeCharsPerPage";

  private TextLayerPages() {}

  /**
   * The judged text layer.
   *
   * @param text the text with unreadable pages emptied
   * @param pageStarts where each page starts in {@code text}
   * @param unreadable 1-based numbers of the unreadable pages
   * @param kind what is wrong with most of them (for the reason), or null when none is
   */
  public record Judged(String text, List<Integer> pageStarts, List<Integer> unreadable, String kind) {
    public Judged {
      pageStarts = List.copyOf(pageStarts);
      unreadable = List.copyOf(unreadable);
    }

    /** The reason a document with unreadable pages is not {@code ok}. */
    public String reason() {
      return "text layer unreadable on " + unreadable.size() + " of " + pageStarts.size() + " pages ("
          + kind + "): pages " + ranges(unreadable);
    }
  }

  public static Judged judge(String text, List<Integer> pageStarts, Map<String, List<String>> metadata) {
    List<String> glyphs = metadata.getOrDefault(GLYPHS, List.of());
    List<String> unmapped = metadata.getOrDefault(UNMAPPED, List.of());
    boolean counted = glyphs.size() == pageStarts.size() && unmapped.size() == pageStarts.size();
    StringBuilder out = new StringBuilder(text.length());
    List<Integer> starts = new ArrayList<>(pageStarts.size());
    List<Integer> unreadable = new ArrayList<>();
    Map<String, Integer> kinds = new LinkedHashMap<>();
    for (int p = 0; p < pageStarts.size(); p++) {
      int start = Math.min(pageStarts.get(p), text.length());
      int end = p + 1 < pageStarts.size() ? Math.min(pageStarts.get(p + 1), text.length()) : text.length();
      String page = FounderLatin.repairPage(text.substring(start, Math.max(start, end)));
      PageQuality.Counts counts = PageQuality.count(page,
          counted ? number(glyphs.get(p)) : 0, counted ? number(unmapped.get(p)) : 0);
      starts.add(out.length());
      if (counts.unreadable()) {
        unreadable.add(p + 1);
        kinds.merge(counts.kind(), 1, Integer::sum);
        out.append('\n'); // an empty page still ends a line, as Tika's page divs do
      } else {
        out.append(page);
      }
    }
    String kind = kinds.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    return new Judged(out.toString(), starts, unreadable, kind);
  }

  /** Glyphs without a Unicode mapping on all pages, per PDFBox (0 when not counted). */
  public static long unmappedGlyphs(org.apache.tika.metadata.Metadata metadata) {
    String[] values = metadata.getValues(UNMAPPED);
    long sum = 0;
    for (String v : values) {
      sum += number(v);
    }
    return sum;
  }

  private static long number(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** 1-based page numbers as ranges: [2, 3, 4, 7] is "2-4, 7". */
  public static String ranges(List<Integer> pages) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pages.size(); i++) {
      int first = pages.get(i);
      int last = first;
      while (i + 1 < pages.size() && pages.get(i + 1) == last + 1) {
        last = pages.get(++i);
      }
      out.append(out.isEmpty() ? "" : ", ").append(first).append(last > first ? "-" + last : "");
    }
    return out.toString();
  }

  /** The page numbers of {@link #ranges}, read back; malformed parts are skipped. */
  public static List<Integer> parseRanges(String ranges) {
    List<Integer> out = new ArrayList<>();
    if (ranges == null) {
      return out;
    }
    for (String part : ranges.split(",")) {
      String[] ends = part.strip().split("-");
      try {
        int first = Integer.parseInt(ends[0].strip());
        int last = ends.length > 1 ? Integer.parseInt(ends[1].strip()) : first;
        for (int p = first; p <= last && p - first < 100_000; p++) {
          out.add(p);
        }
      } catch (NumberFormatException e) {
        // a part that is not a page or range names no page
      }
    }
    return out;
  }
}
