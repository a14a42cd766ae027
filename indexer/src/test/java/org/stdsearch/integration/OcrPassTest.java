package org.stdsearch.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stdsearch.extract.ocr.OcrOptions;
import org.stdsearch.extract.ocr.Tesseract;
import org.stdsearch.index.IndexReport;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.index.Schema;

/**
 * A scanned standard goes through the whole indexer: first indexed as {@code ocr_pending}, then
 * recognised in the OCR pass and found by its words; the next run neither re-indexes nor re-OCRs.
 */
class OcrPassTest {
  @TempDir Path tmp;

  @Test
  void scannedPdfIsRecognisedInTheSecondPassAndFoundByItsWords() throws Exception {
    OcrOptions ocr = OcrOptions.defaults().withCacheDir(tmp.resolve("ocr-cache"));
    assumeTrue(Tesseract.onPath().detect(ocr.languages()).available(), "tesseract with chi_sim+eng not installed");
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Path index = tmp.resolve("index");
    Fixtures.scannedTextPdf(docs.resolve("scan.pdf"), tmp, new String[][] {
        {"GB/T 99003-2025", "个人信息安全规范", "Quantum key distribution"}});
    Fixtures.text(docs.resolve("plain.txt"), "A text standard about cloud computing.");
    IndexerConfig config = IndexerConfig.of(docs, index).withWorkers(2).withOcr(ocr);

    IndexReport first = Indexer.indexFolder(config);

    assertThat(first.perStatus()).containsEntry("ocr", 1).containsEntry("ok", 1);
    assertThat(first.failures()).isEmpty();
    assertThat(first.ocr().documents()).isEqualTo(1);
    assertThat(first.ocr().pages()).isEqualTo(1);
    assertThat(first.ocr().secondsPerPage()).isPositive();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      ScoreDoc scan = searcher.search(new TermQuery(new Term(Schema.PATH, "scan.pdf")), 1).scoreDocs[0];
      String recognised = Schema.content(reader, scan.doc);
      ScoreDoc[] hits = searcher.search(new PhraseQuery(Schema.CONTENT, "个人", "人信", "信息"), 10).scoreDocs;
      assertThat(hits).as("phrase 个人信息 in the recognised text: %s", recognised).hasSize(1);
      var doc = reader.storedFields().document(hits[0].doc);
      assertThat(doc.get(Schema.PATH)).isEqualTo("scan.pdf");
      assertThat(doc.get(Schema.EXTRACTION_STATUS)).isEqualTo("ocr");
      assertThat(searcher.count(new TermQuery(new Term(Schema.CONTENT, "quantum")))).isEqualTo(1);
    }

    IndexReport second = Indexer.indexFolder(config);
    assertThat(second.unchanged()).isEqualTo(2);
    assertThat(second.ocr().pages()).isZero();
  }
}
