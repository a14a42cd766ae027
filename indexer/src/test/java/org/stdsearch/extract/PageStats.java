package org.stdsearch.extract;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.stdsearch.extract.pdf.PageQuality;

/** Per-page character statistics of PDFs, to choose text-layer thresholds: a development aid. */
public final class PageStats {
  private PageStats() {}

  public static void main(String[] args) {
    for (String a : args) {
      Path file = Path.of(a).toAbsolutePath();
      ExtractedDocument doc = CachedExtraction.extract(file.getParent(), file);
      List<String> chars = doc.metadata().getOrDefault("pdf:charsPerPage", List.of());
      List<String> unmapped = doc.metadata().getOrDefault("pdf:unmappedUnicodeCharsPerPage", List.of());
      for (int p = 1; p <= doc.pageCount(); p++) {
        String ch = p - 1 < chars.size() ? chars.get(p - 1) : "0";
        String un = p - 1 < unmapped.size() ? unmapped.get(p - 1) : "0";
        PageQuality.Counts c = PageQuality.count(doc.pageText(p), Long.parseLong(ch), Long.parseLong(un));
        System.out.printf(Locale.ROOT, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.3f\t%s\t%d\t%d%n", file.getFileName(), p, c.visible(),
            c.glyphs(), c.unmapped(), c.mojibake(), c.implausible(), c.han(), c.soupShare(), c.unreadable() ? "UNREADABLE" : "ok", c.asciiMarks(), c.ascending());
      }
    }
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
