package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
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

  @Test
  void keepsTheTranslationsMostStandardsGiveUpToTheLimit() throws Exception {
    SearchFixtures corpus = new SearchFixtures();
    corpus.fixtures.clear();
    // "data element": 数据元 in three standards, 数据项 in two, four other renderings once each
    String[][] given = {{"数据元"}, {"数据元", "资料元"}, {"数据元", "数据项"}, {"数据项", "数据单元"}, {"数码元"}, {"数据要素"}};
    for (int i = 0; i < given.length; i++) {
      TermEntry[] entries = new TermEntry[given[i].length];
      for (int k = 0; k < entries.length; k++) {
        entries[k] = new TermEntry(given[i][k], "data element", "定义", "3." + (k + 1));
      }
      corpus.fixtures.add(withTerms(corpus, "s" + i + ".pdf", "GB/T 9100" + i + "-2021", entries));
    }
    Path index = corpus.write(tmp);
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      // most given first; among those given once, in the order of their UTF-8 bytes
      List<String> once = new ArrayList<>(List.of("资料元", "数据单元", "数码元", "数据要素"));
      once.sort(Comparator.comparing(t -> new BytesRef(t)));
      assertThat(Glossary.MAX_TRANSLATIONS).isEqualTo(4);
      assertThat(Glossary.in(reader).translations("Data Element"))
          .containsExactly("数据元", "数据项", once.get(0), once.get(1));
    }
  }
}
