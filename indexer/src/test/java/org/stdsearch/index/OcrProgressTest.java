package org.stdsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.stdsearch.extract.ocr.PageOcr;

/** The OCR pass says how far it is (issue 15: a pass of hundreds of scanned pages was silent). */
class OcrProgressTest {
  @Test
  void countsPagesAcrossDocumentsAndEstimatesTheTimeLeft() {
    AtomicLong now = new AtomicLong();
    OcrProgress progress = new OcrProgress(2, 30, now::get);
    PageOcr.PageListener a = progress.forDocument("cn/a.pdf");
    PageOcr.PageListener b = progress.forDocument("cn/b.pdf");

    now.set(5_000_000_000L);
    a.pageDone(1, 10);
    a.pageDone(2, 10);
    b.pageDone(1, 20);
    now.set(10_000_000_000L);
    b.pageDone(2, 20);

    assertThat(progress.pagesDone()).isEqualTo(4);
    // 4 pages in 10 s: 0.40 pages/s, 26 pages left: 65 s.
    assertThat(progress.line(now.get(), "cn/b.pdf", 2, 20))
        .isEqualTo("OCR pass: 4 of 30 pages, 0 of 2 documents, 0.40 pages/s, 1 min 05 s left (cn/b.pdf: page 2 of 20)");
  }

  @Test
  void aDocumentReportedAgainDoesNotCountItsPagesTwice() {
    OcrProgress progress = new OcrProgress(1, 5, () -> 0L);
    PageOcr.PageListener a = progress.forDocument("a.pdf");
    a.pageDone(1, 5);
    a.pageDone(3, 5);
    a.pageDone(3, 5);
    assertThat(progress.pagesDone()).isEqualTo(3);
  }
}
