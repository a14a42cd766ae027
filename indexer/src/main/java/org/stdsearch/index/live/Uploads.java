package org.stdsearch.index.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where uploaded files go in the docs folder: {@value #FOLDER}, under a name no other file has. */
final class Uploads {
  static final String FOLDER = "uploads";

  private Uploads() {}

  /**
   * Copies {@code staged} into the uploads folder as {@code fileName} (a safe single name), or as
   * {@code name-1.ext}, {@code name-2.ext}, ... when taken; returns the new file. Copied under a
   * hidden name, then renamed: neither watcher nor indexer ever sees half a file.
   */
  static Path place(Path docs, Path staged, String fileName) throws IOException {
    Path folder = docs.resolve(FOLDER);
    Files.createDirectories(folder);
    Path target = unique(folder, fileName);
    Path part = folder.resolve("." + target.getFileName() + ".part");
    Files.copy(staged, part, StandardCopyOption.REPLACE_EXISTING);
    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  private static Path unique(Path folder, String name) {
    Path candidate = folder.resolve(name);
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int i = 1; Files.exists(candidate); i++) {
      candidate = folder.resolve(base + "-" + i + ext);
    }
    return candidate;
  }
}
