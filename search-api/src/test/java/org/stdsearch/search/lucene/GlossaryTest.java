package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.recognise.RecognisedStandard.TermEntry;
import org.stdsearch.search.lucene.SearchFixtures.Fixture;

/** The glossary as a lookup in a real on-disk index: live entries only, normal forms, both directions. */
class GlossaryTest {
  @TempDir Path tmp;

  private static Fixture withTerms(SearchFixtures corpus, String path, String identifier, TermEntry... terms) {
    return new Fixture(path, identifier, List.of(identifier.toLowerCase()), "GB/T", "信息技术 术语", null, 2021,
        LocalDate.of(2021, 1, 1), null, List.of(), List.of(), "recommended", "national", "zh", null,
        List.of(corpus.child1), "3 术语和定义", List.of(0), List.of(), List.of(terms), List.of(), "current");
  }

  @Test
  void translatesLiveTermEntriesInBothDirections() throws Exception {
    SearchFixtures corpus = new SearchFixtures();
    corpus.fixtures.clear();
    corpus.fixtures.add(withTerms(corpus, "a.pdf", "GB/T 90001-2021",
        new TermEntry("数据元", "Data  Element", "定义", "3.1"),
        new TermEntry("云计算", "cloud computing", "定义", "3.2"),
        new TermEntry("很长的句子", "x".repeat(65), "定义", "3.3")));
    corpus.fixtures.add(withTerms(corpus, "b.pdf", "GB/T 90002-2021",
        new TermEntry("数据元", "data element", "定义", "3.1"),
        new TermEntry("数据项", "DATA ELEMENT", "定义", "3.2")));
    corpus.fixtures.add(withTerms(corpus, "c.pdf", "GB/T 90003-2021",
        new TermEntry("区块链", "blockchain", "定义", "3.1")));
    Path index = corpus.write(tmp);
    try (Directory dir = FSDirectory.open(index); IndexWriter writer = Indexer.openWriter(dir);
        Indexer indexer = new Indexer(IndexerConfig.of(tmp.resolve("docs"), index).withWorkers(1), writer)) {
      indexer.delete("c.pdf");
      writer.commit();
    }
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      Glossary glossary = Glossary.in(reader);
      // the same pair from two standards is one translation; a name with two Chinese names has both
      assertThat(glossary.translations("数据元")).containsExactly("data element");
      assertThat(glossary.translations(" Data\u3000ELEMENT ")).containsExactlyInAnyOrder("数据元", "数据项");
      assertThat(glossary.translations("Cloud Computing")).containsExactly("云计算");
      // a deleted standard's entries are gone; over-long names are sentences, not glossary entries
      assertThat(glossary.translations("区块链")).isEmpty();
      assertThat(glossary.translations("很长的句子")).isEmpty();
      assertThat(glossary.translations("")).isEmpty();
      assertThat(Glossary.NONE.translations("数据元")).isEmpty();
    }
  }
}
