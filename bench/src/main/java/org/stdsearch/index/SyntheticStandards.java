package org.stdsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of a folder written by {@code bench/gen-standards.py}, for the tools that read them directly. */
public final class SyntheticStandards {
  private SyntheticStandards() {}

  /** The first {@code n} standards (TXT and HTML, not their sidecars) below {@code root}, in path order. */
  public static List<Path> files(Path root, int n) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(SyntheticStandards::isStandard).sorted().limit(n).toList();
    }
  }

  private static boolean isStandard(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".txt") || name.endsWith(".html");
  }
}
