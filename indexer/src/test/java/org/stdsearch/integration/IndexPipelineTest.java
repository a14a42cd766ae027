package org.stdsearch.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.flexible.standard.StandardQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.extract.ocr.OcrCache;
import org.stdsearch.extract.ocr.OcrMode;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.index.IndexReport;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.index.Schema;

/**
 * Documents of every supported format, generated with the real libraries, indexed by the real
 * pipeline (forked Tika workers, Lucene on disk) and searched in Chinese and English.
 */
class IndexPipelineTest {
  @TempDir static Path tmp;
  static Path docs;
  static Path index;
  static IndexReport first;

  @BeforeAll
  static void indexFixtures() throws Exception {
    docs = Files.createDirectories(tmp.resolve("docs"));
    index = tmp.resolve("index");
    Path sub = Files.createDirectories(docs.resolve("sub/dir"));
    Fixtures.englishPdf(docs.resolve("english.pdf"), "hsmspec", 4);
    Fixtures.chinesePdf(sub.resolve("chinese.pdf"), "中文标记");
    Fixtures.scannedPdf(docs.resolve("scanned.pdf"));
    Fixtures.encryptedPdf(docs.resolve("locked.pdf"));
    Fixtures.corruptPdf(docs.resolve("corrupt.pdf"), tmp);
    Fixtures.docx(docs.resolve("word.docx"), "docxmarker", "Blockchain ledgers record transactions immutably.");
    Fixtures.odt(docs.resolve("open.odt"), "odtmarker", "算力基础设施 computing power network");
    Fixtures.rtf(docs.resolve("rich.rtf"), "rtfmarker", "电子政务 e-government portal");
    Fixtures.epub(docs.resolve("book.epub"), "epubmarker", "digital culture archives");
    Fixtures.html(docs.resolve("page.html"), "htmlmarker", "数据资源 公共数据开放 public data");
    Fixtures.stsXml(docs.resolve("sts.xml"), "stsmarker", "industrial internet platforms");
    Fixtures.text(docs.resolve("plain.txt"), "Quantum information processing. 量子信息 技术 txtmarker");
    Fixtures.plainZip(docs.resolve("archive.zip"));
    Files.writeString(docs.resolve(".hidden.txt"), "not a document");
    // OCR off: this test pins the text pipeline; the OCR pass has its own test.
    first = Indexer.indexFolder(IndexerConfig.of(docs, index).withWorkers(2).withOcr(OcrOptions.defaults().withMode(OcrMode.OFF)));
  }

  @Test
  void reportsEveryFileWithItsStatus() {
    assertThat(first.filesSeen()).isEqualTo(13);
    assertThat(first.indexed()).isEqualTo(12);
    assertThat(first.perStatus()).containsEntry("ok", 9).containsEntry("empty", 1)
        .containsEntry("encrypted", 1).containsEntry("failed", 1);
    assertThat(first.skipped()).singleElement().satisfies(s -> {
      assertThat(s.path()).isEqualTo("archive.zip");
      assertThat(s.type()).isEqualTo("application/zip");
    });
    assertThat(first.failures()).extracting(IndexReport.FileOutcome::path)
        .containsExactly("corrupt.pdf", "locked.pdf", "scanned.pdf");
    assertThat(first.documentsInIndex()).isEqualTo(12);
    assertThat(first.summary()).contains("corrupt.pdf").contains("archive.zip (application/zip)");
  }

  @Test
  void findsDocumentsInChineseAndEnglish() throws Exception {
    assertThat(search("个人信息")).containsExactly("sub/dir/chinese.pdf");
    assertThat(search("权责一致")).containsExactly("sub/dir/chinese.pdf");
    assertThat(search("公共数据")).containsExactly("page.html");
    assertThat(search("\"computing power\"")).containsExactly("open.odt");
    assertThat(search("blockchain transaction")).containsExactly("word.docx");
    assertThat(search("电子政务")).containsExactly("rich.rtf");
    assertThat(search("量子信息")).containsExactly("plain.txt");
    assertThat(search("hsmspec")).containsExactly("english.pdf");
    assertThat(search("stsmarker")).containsExactly("sts.xml");
    assertThat(search("epubmarker")).containsExactly("book.epub");
    // Porter stemming: "keys" in the text, "key" in the query.
    assertThat(search("key")).containsExactly("english.pdf");
  }

  @Test
  void storesPageStartsAndExtractionStatus() throws Exception {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      ScoreDoc hit = searcher.search(new TermQuery(new Term(Schema.PATH, "english.pdf")), 1).scoreDocs[0];
      var doc = reader.storedFields().document(hit.doc);
      List<Integer> starts = org.stdsearch.index.PageStartsCodec.decode(Schema.binary(reader, hit.doc, Schema.PAGE_STARTS));
      assertThat(starts).hasSize(4);
      assertThat(doc.get(Schema.EXTRACTION_STATUS)).isEqualTo("ok");
      String text = Schema.content(reader, hit.doc);
      assertThat(text.substring(starts.get(2), starts.get(3))).contains("pageword3");

      ScoreDoc locked = searcher.search(new TermQuery(new Term(Schema.PATH, "locked.pdf")), 1).scoreDocs[0];
      assertThat(reader.storedFields().document(locked.doc).get(Schema.EXTRACTION_STATUS)).isEqualTo("encrypted");
    }
  }

  @Test
  void secondRunSkipsUnchangedReindexesChangedAndDeletesRemoved() throws Exception {
    Path copy = tmp.resolve("incremental");
    Path copyIndex = tmp.resolve("incremental-index");
    Files.createDirectories(copy);
    Fixtures.text(copy.resolve("a.txt"), "alpha document");
    Fixtures.text(copy.resolve("b.txt"), "beta document");
    Fixtures.text(copy.resolve("c.txt"), "gamma document");
    IndexerConfig config = IndexerConfig.of(copy, copyIndex).withWorkers(1);
    assertThat(Indexer.indexFolder(config).indexed()).isEqualTo(3);

    IndexReport unchanged = Indexer.indexFolder(config);
    assertThat(unchanged.indexed()).isZero();
    assertThat(unchanged.unchanged()).isEqualTo(3);

    Fixtures.text(copy.resolve("b.txt"), "beta document, second edition");
    Files.delete(copy.resolve("c.txt"));
    Fixtures.text(copy.resolve("d.txt"), "delta document");
    IndexReport changed = Indexer.indexFolder(config);
    assertThat(changed.indexed()).isEqualTo(2);
    assertThat(changed.unchanged()).isEqualTo(1);
    assertThat(changed.deleted()).isEqualTo(1);
    assertThat(changed.documentsInIndex()).isEqualTo(3);
    assertThat(pathsIn(copyIndex)).containsOnlyKeys("a.txt", "b.txt", "d.txt").allSatisfy((p, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void aFileWithItsIndexedSizeAndTimeIsNotReadAgainUnlessTheTimeWasTooRecentToTrust() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("stamped"));
    IndexerConfig config = IndexerConfig.of(folder, tmp.resolve("stamped-index")).withWorkers(1);
    FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    Fixtures.text(folder.resolve("old.txt"), "alpha document");
    Files.setLastModifiedTime(folder.resolve("old.txt"), hourAgo);
    Fixtures.text(folder.resolve("new.txt"), "omega document"); // modified just now
    FileTime justNow = Files.getLastModifiedTime(folder.resolve("new.txt"));
    assertThat(Indexer.indexFolder(config).indexed()).isEqualTo(2);

    // Same size and time: not read, so even a content change behind the file system's back is not seen.
    rewriteKeepingSizeAndTime(folder.resolve("old.txt"), "alpha documenX", hourAgo);
    // A time too recent to trust when indexed: hashed again, and the change is found.
    rewriteKeepingSizeAndTime(folder.resolve("new.txt"), "omega documenX", justNow);
    IndexReport second = Indexer.indexFolder(config);
    assertThat(second.unchanged()).isEqualTo(1);
    assertThat(second.indexed()).isEqualTo(1);

    // Same content, new time (a copy, a touch): hashed, unchanged, and the new time is recorded...
    rewriteKeepingSizeAndTime(folder.resolve("old.txt"), "alpha document", hourAgo);
    FileTime halfHourAgo = FileTime.fromMillis(System.currentTimeMillis() - 1_800_000);
    Files.setLastModifiedTime(folder.resolve("old.txt"), halfHourAgo);
    assertThat(Indexer.indexFolder(config).unchanged()).isEqualTo(2);
    // ...so the next pass trusts it without reading it.
    rewriteKeepingSizeAndTime(folder.resolve("old.txt"), "alpha documenY", halfHourAgo);
    assertThat(Indexer.indexFolder(config).unchanged()).isEqualTo(2);
    // A different time with different content is re-indexed.
    Files.setLastModifiedTime(folder.resolve("old.txt"), hourAgo);
    assertThat(Indexer.indexFolder(config).indexed()).isEqualTo(1);
  }

  @Test
  void aRunDropsTheOcrCacheEntriesOfFilesNoLongerIndexed() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("cached"));
    Path folderIndex = tmp.resolve("cached-index");
    Fixtures.text(folder.resolve("kept.txt"), "kept document");
    Fixtures.text(folder.resolve("removed.txt"), "removed document");
    IndexerConfig config = IndexerConfig.of(folder, folderIndex).withWorkers(1);
    Indexer.indexFolder(config);
    OcrCache cache = new OcrCache(config.ocr().cacheDir());
    String kept = sha256(folder.resolve("kept.txt"));
    String removed = sha256(folder.resolve("removed.txt"));
    cache.put(kept, 1, 300, "eng", "page of a kept file");
    cache.put(removed, 1, 300, "eng", "page of a removed file");

    Files.delete(folder.resolve("removed.txt"));
    Indexer.indexFolder(config);
    assertThat(cache.get(kept, 1, 300, "eng")).contains("page of a kept file");
    assertThat(cache.get(removed, 1, 300, "eng")).isEmpty();
  }

  @Test
  void indexingOneTouchedButUnchangedFileDoesNotExtractItAgain() throws Exception {
    // Issue 19: touching 260 unchanged files made serve (which indexes one file at a time) extract
    // all 260 again; a full pass already compared them with the index.
    Path folder = Files.createDirectories(tmp.resolve("touched"));
    Path file = folder.resolve("t.txt");
    Fixtures.text(file, "a touched document");
    IndexerConfig config = IndexerConfig.of(folder, tmp.resolve("touched-index")).withWorkers(1)
        .withOcr(OcrOptions.defaults().withMode(OcrMode.OFF));
    Files.createDirectories(config.index());
    try (var dir = FSDirectory.open(config.index());
        IndexWriter writer = Indexer.openWriter(dir);
        Indexer indexer = new Indexer(config, writer)) {
      assertThat(indexer.indexFile(file).status()).isEqualTo("ok");
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
      assertThat(indexer.indexFile(file).status()).isEqualTo("unchanged");
      Fixtures.text(file, "a changed document");
      assertThat(indexer.indexFile(file).status()).isEqualTo("ok");
    }
  }

  @Test
  void twoIndexesInOneFolderKeepEachOthersOcrCache() throws Exception {
    // Issue 19: both caches were <parent>/ocr-cache, and each full run dropped the other's pages.
    Path parent = Files.createDirectories(tmp.resolve("shared-parent"));
    Path folderA = Files.createDirectories(tmp.resolve("docs-a"));
    Fixtures.text(folderA.resolve("a.txt"), "a document of index a");
    IndexerConfig a = IndexerConfig.of(folderA, parent.resolve("index-a")).withWorkers(1);
    IndexerConfig b = IndexerConfig.of(folderA, parent.resolve("index-b")).withWorkers(1);
    assertThat(a.ocr().cacheDir()).isNotEqualTo(b.ocr().cacheDir());
    assertThat(a.ocr().cacheDir().getParent()).isEqualTo(a.index().toAbsolutePath().normalize());
    String pageOfB = "ab".repeat(32);
    OcrCache cacheOfB = new OcrCache(b.ocr().cacheDir());
    cacheOfB.put(pageOfB, 1, 300, "eng", "a page only index b holds");

    Indexer.indexFolder(a);

    assertThat(cacheOfB.get(pageOfB, 1, 300, "eng")).contains("a page only index b holds");
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private static void rewriteKeepingSizeAndTime(Path file, String text, FileTime time) throws IOException {
    long size = Files.size(file);
    Fixtures.text(file, text);
    assertThat(Files.size(file)).isEqualTo(size);
    Files.setLastModifiedTime(file, time);
  }

  @Test
  void anIndexOfAnotherSchemaVersionIsRebuiltNotReadAsUnchanged() throws Exception {
    Path folder = tmp.resolve("versioned");
    Path folderIndex = tmp.resolve("versioned-index");
    Files.createDirectories(folder);
    Fixtures.text(folder.resolve("a.txt"), "alpha document");
    Fixtures.text(folder.resolve("b.txt"), "beta document");
    IndexerConfig config = IndexerConfig.of(folder, folderIndex).withWorkers(1);
    assertThat(Indexer.indexFolder(config).indexed()).isEqualTo(2);
    try (FSDirectory dir = FSDirectory.open(folderIndex)) {
      assertThat(SegmentInfos.readLatestCommit(dir).getUserData()).containsEntry(Schema.VERSION_KEY, Schema.VERSION);
      // As an older build left it: same documents, an older layout version in the commit.
      try (IndexWriter old = new IndexWriter(dir, new IndexWriterConfig(Schema.indexAnalyzer()))) {
        old.setLiveCommitData(Map.of(Schema.VERSION_KEY, "1").entrySet());
        old.commit();
      }
    }

    IndexReport rebuilt = Indexer.indexFolder(config);
    assertThat(rebuilt.indexed()).isEqualTo(2);
    assertThat(rebuilt.unchanged()).isZero();
    assertThat(rebuilt.documentsInIndex()).isEqualTo(2);
    assertThat(pathsIn(folderIndex)).containsOnlyKeys("a.txt", "b.txt").allSatisfy((p, n) -> assertThat(n).isEqualTo(1));
    assertThat(Indexer.indexFolder(config).unchanged()).isEqualTo(2);
  }

  private static List<String> search(String q) throws Exception {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StandardQueryParser parser = new StandardQueryParser(Schema.textAnalyzer());
      parser.setDefaultOperator(org.apache.lucene.queryparser.flexible.standard.config.StandardQueryConfigHandler.Operator.AND);
      Query text = parser.parse(q, Schema.CONTENT);
      Query query = new BooleanQuery.Builder()
          .add(text, BooleanClause.Occur.MUST)
          .add(new TermQuery(new Term(Schema.KIND, Schema.KIND_STANDARD)), BooleanClause.Occur.FILTER)
          .build();
      StoredFields stored = reader.storedFields();
      List<String> paths = new java.util.ArrayList<>();
      for (ScoreDoc sd : searcher.search(query, 20).scoreDocs) {
        paths.add(stored.document(sd.doc).get(Schema.PATH));
      }
      return paths;
    }
  }

  /** Path to number of standard documents with that path. */
  static Map<String, Integer> pathsIn(Path indexDir) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      for (ScoreDoc sd : searcher.search(new TermQuery(new Term(Schema.KIND, Schema.KIND_STANDARD)), 100_000).scoreDocs) {
        counts.merge(stored.document(sd.doc).get(Schema.PATH), 1, Integer::sum);
      }
    }
    return counts;
  }
}
