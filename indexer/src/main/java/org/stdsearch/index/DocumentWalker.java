package org.stdsearch.index;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.stdsearch.extract.Paths;

/**
 * Lists the candidate files below the docs root. Links are followed only while their target stays
 * inside the root (a symlink tree of copies works; a link to /etc does not). Hidden entries,
 * sidecar metadata and catalogues are not documents.
 */
final class DocumentWalker {

  /** A file to consider, or one refused before extraction (with the reason). */
  record Candidate(Path file, String relativePath, String refusal) {}

  private DocumentWalker() {}

  static List<Candidate> walk(Path root) throws IOException {
    Path realRoot = root.toRealPath();
    List<Candidate> out = new ArrayList<>();
    Files.walkFileTree(realRoot, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            if (!dir.equals(realRoot) && isHidden(dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (!dir.toRealPath().startsWith(realRoot)) {
              out.add(new Candidate(dir, Paths.relative(realRoot, dir), "link leads out of the docs folder"));
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            String relative = Paths.relative(realRoot, file);
            if (isHidden(file) || isMetadataFile(realRoot, file) || !attrs.isRegularFile()) {
              return FileVisitResult.CONTINUE;
            }
            if (Files.isSymbolicLink(file) && !file.toRealPath().startsWith(realRoot)) {
              out.add(new Candidate(file, relative, "link leads out of the docs folder"));
              return FileVisitResult.CONTINUE;
            }
            out.add(new Candidate(file, relative, null));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            // A loop of links or an unreadable entry: report it, keep walking.
            out.add(new Candidate(file, Paths.relative(realRoot, file), "unreadable: " + e.getClass().getSimpleName()));
            return FileVisitResult.CONTINUE;
          }
        });
    return out;
  }

  private static boolean isHidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  /** Sidecars ({@code x.pdf.meta.json}) and root catalogues describe documents; they are not ones. */
  static boolean isMetadataFile(Path root, Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".meta.json")) {
      return true;
    }
    boolean atRoot = root.equals(file.getParent());
    return atRoot && (name.equals("catalog.csv") || name.equals("catalog.json"));
  }
}
