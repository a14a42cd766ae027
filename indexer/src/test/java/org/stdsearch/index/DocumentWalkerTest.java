package org.stdsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentWalkerTest {
  @TempDir Path tmp;

  @Test
  void followsLinksInsideTheRootButNotOutOfIt() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("docs"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "not ours");
    Files.writeString(root.resolve("a.txt"), "a");
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("sub/b.txt"), "b");
    Files.createSymbolicLink(root.resolve("link-in.txt"), root.resolve("a.txt"));
    Files.createSymbolicLink(root.resolve("link-out.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("dir-out"), outside);

    List<DocumentWalker.Candidate> found = DocumentWalker.walk(root);

    assertThat(found).filteredOn(c -> c.refusal() == null).extracting(DocumentWalker.Candidate::relativePath)
        .containsExactlyInAnyOrder("a.txt", "sub/b.txt", "link-in.txt");
    assertThat(found).filteredOn(c -> c.refusal() != null).extracting(DocumentWalker.Candidate::relativePath)
        .containsExactlyInAnyOrder("link-out.txt", "dir-out");
  }

  @Test
  void skipsHiddenEntriesSidecarsAndRootCatalogues() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(root.resolve("a.pdf"), "x");
    Files.writeString(root.resolve("a.pdf.meta.json"), "{}");
    Files.writeString(root.resolve("catalog.csv"), "path,identifier");
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve(".git/config"), "x");
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("sub/catalog.csv"), "a document that happens to be called so");

    assertThat(DocumentWalker.walk(root)).extracting(DocumentWalker.Candidate::relativePath)
        .containsExactlyInAnyOrder("a.pdf", "sub/catalog.csv");
  }

  @Test
  void pageStartsRoundTripThroughTheirStoredForm() {
    List<Integer> starts = List.of(0, 1, 130, 70_000, 20_000_000);
    assertThat(PageStartsCodec.decode(PageStartsCodec.encode(starts))).isEqualTo(starts);
  }
}
