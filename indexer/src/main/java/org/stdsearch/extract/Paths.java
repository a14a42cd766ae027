package org.stdsearch.extract;

import java.nio.file.Path;

/** Relative, '/'-separated paths: the stable key of a document whatever the platform. */
public final class Paths {
  private Paths() {}

  public static String relative(Path root, Path file) {
    return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
        .replace(java.io.File.separatorChar, '/');
  }
}
