package org.stdsearch.extract.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OCR page cache on disk: keys, atomic entries, corrupt entries ignored. */
class OcrCacheTest {
  @TempDir Path dir;

  @Test
  void returnsTheStoredTextForTheSameHashPageDpiAndLanguages() {
    OcrCache cache = new OcrCache(dir);
    cache.put("ab12cd34ef56", 3, 300, "chi_sim+eng", "密码杂凑算法 SM3\n");

    assertThat(cache.get("ab12cd34ef56", 3, 300, "chi_sim+eng")).contains("密码杂凑算法 SM3\n");
    assertThat(cache.get("ab12cd34ef56", 4, 300, "chi_sim+eng")).isEmpty();
    assertThat(cache.get("ab12cd34ef56", 3, 200, "chi_sim+eng")).isEmpty();
    assertThat(cache.get("ab12cd34ef56", 3, 300, "eng")).isEmpty();
    assertThat(cache.get("ffff0000ffff", 3, 300, "chi_sim+eng")).isEmpty();
  }

  @Test
  void retainOnlyDropsTheEntriesOfOtherFilesAndKeepsTheGivenOnes() {
    OcrCache cache = new OcrCache(dir);
    cache.put("AB12CD34EF56", 1, 300, "eng", "kept");
    cache.put("ab12cd34ef56", 2, 300, "eng", "kept too");
    cache.put("ab99cd34ef56", 1, 300, "eng", "same prefix, other file");
    cache.put("ffff0000ffff", 1, 300, "eng", "gone");

    assertThat(cache.retainOnly(java.util.Set.of("ab12cd34ef56"))).isEqualTo(2);
    assertThat(cache.get("ab12cd34ef56", 1, 300, "eng")).contains("kept");
    assertThat(cache.get("ab12cd34ef56", 2, 300, "eng")).contains("kept too");
    assertThat(cache.get("ab99cd34ef56", 1, 300, "eng")).isEmpty();
    assertThat(cache.get("ffff0000ffff", 1, 300, "eng")).isEmpty();
    assertThat(new OcrCache(dir.resolve("absent")).retainOnly(java.util.Set.of())).isZero();
  }

  @Test
  void cachesAnEmptyPageAndLeavesNoTemporaryFiles() throws Exception {
    OcrCache cache = new OcrCache(dir);
    cache.put("0123456789abcdef", 1, 300, "eng", "");

    assertThat(cache.get("0123456789abcdef", 1, 300, "eng")).contains("");
    try (var files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactly("p1-300dpi-eng.txt");
    }
  }

  @Test
  void ignoresACorruptOrTruncatedEntry() throws Exception {
    OcrCache cache = new OcrCache(dir);
    cache.put("0123456789abcdef", 1, 300, "eng", "Host Ports");
    Path entry = cache.entry("0123456789abcdef", 1, 300, "eng");

    Files.writeString(entry, Files.readString(entry).replace("Ports", "Parts"));
    assertThat(cache.get("0123456789abcdef", 1, 300, "eng")).isEmpty();

    Files.write(entry, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
    assertThat(cache.get("0123456789abcdef", 1, 300, "eng")).isEmpty();

    cache.put("0123456789abcdef", 1, 300, "eng", "Host Ports"); // recognised again: overwritten
    assertThat(cache.get("0123456789abcdef", 1, 300, "eng")).contains("Host Ports");
  }

  @Test
  void keysAHashThatIsNotHexBySafeName() {
    OcrCache cache = new OcrCache(dir);
    cache.put("../../etc/passwd", 1, 300, "eng", "x");

    assertThat(cache.entry("../../etc/passwd", 1, 300, "eng")).startsWith(dir.toAbsolutePath());
    assertThat(cache.get("../../etc/passwd", 1, 300, "eng")).contains("x");
  }

  @Test
  void eachIndexHasItsOwnCacheInsideItsFolder() {
    assertThat(OcrOptions.cacheOf(dir.resolve("data/index"))).isEqualTo(dir.resolve("data/index/ocr-cache"));
    assertThat(OcrOptions.cacheOf(dir.resolve("data/other"))).isEqualTo(dir.resolve("data/other/ocr-cache"));
  }
}
