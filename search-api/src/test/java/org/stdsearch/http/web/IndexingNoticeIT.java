package org.stdsearch.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stdsearch.extract.ocr.Tesseract;
import org.stdsearch.http.HttpServer;
import org.stdsearch.http.ServerConfig;
import org.stdsearch.cli.Backends;
import org.stdsearch.search.Backend;

/**
 * The page while the first indexing pass runs (issue 18): it says how far indexing has got, files
 * then scanned pages, and shows the complete answer once the pass is over. A real server indexes
 * a folder whose scanned PDF keeps the OCR pass going for a while.
 */
class IndexingNoticeIT {
  private static final int TEXT_FILES = 30;
  @TempDir Path tmp;

  @Test
  void thePageSaysIndexingIsUnderWayThenShowsTheCompleteAnswer() throws Exception {
    BrowserFixture fx = BrowserFixture.get();
    assumeTrue(Tesseract.onPath().detect("chi_sim+eng").available(), "tesseract with chi_sim+eng not installed");
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    for (int i = 0; i < TEXT_FILES; i++) {
      Files.writeString(docs.resolve("standard-" + i + ".txt"), "Standard " + i + " on quokka transfer requirements.\n");
    }
    // Eight scanned pages: OCR at the scan's own resolution is quick, and the page polls every few
    // seconds; fewer pages could be recognised between two polls.
    List<String> scannedPages = new ArrayList<>(List.of("Quokka transfer interface"));
    for (int p = 1; p < 8; p++) {
      scannedPages.add("Annex " + p + " on quokka handling");
    }
    scannedPdf(docs.resolve("scan.pdf"), scannedPages);
    ServerConfig config = ServerConfig.local(docs, tmp.resolve("index"), 0).withWatchInterval(0);
    Backend live = Backends.serving(config);
    HttpServer server = HttpServer.start(config, live);
    ChromeDriver driver = null;
    try {
      live.open();
      CompletableFuture<String> pass = live.start();
      driver = fx.browser(1280, 900);
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
      wait.ignoring(StaleElementReferenceException.class);
      driver.get("http://127.0.0.1:" + server.port() + "/?q=quokka&lang=en");
      String first = wait.until(d -> d.findElement(By.cssSelector("#results .indexing"))).getText();
      assertThat(first).as("the pass is still running when the page loads").isNotBlank();
      assertThat(pass.isDone()).isFalse();
      List<String> notices = new ArrayList<>(List.of(first));
      BrowserFixture.screenshot(driver, "indexing-01-notice");

      // The notice follows the pass (it polls), into the OCR pass, and goes away at its end.
      WebDriverWait long_ = new WebDriverWait(driver, Duration.ofMinutes(4));
      long_.ignoring(StaleElementReferenceException.class);
      long_.until(d -> {
        List<org.openqa.selenium.WebElement> n = d.findElements(By.cssSelector("#results .indexing"));
        if (n.isEmpty()) {
          return true;
        }
        String text = n.get(0).getText();
        if (!notices.contains(text)) {
          notices.add(text);
        }
        return false;
      });
      pass.get(1, TimeUnit.MINUTES);
      assertThat(notices).allMatch(n -> n.matches("Indexing is starting: results are not complete yet\\.")
          || n.matches("Indexing \\d+ of " + (TEXT_FILES + 1) + " files: results are not complete yet\\.")
          || n.matches("Recognising scanned pages \\(OCR\\): \\d+ of \\d+ pages \\(\\d+ of 1 document\\): results are not complete yet\\."));
      assertThat(notices).anyMatch(n -> n.startsWith("Recognising scanned pages (OCR)"));
      wait.until(d -> d.findElement(By.cssSelector(".summary")).getText().startsWith((TEXT_FILES + 1) + " results"));
      BrowserFixture.screenshot(driver, "indexing-02-done");
    } finally {
      if (driver != null) {
        driver.quit();
      }
      server.stop(Duration.ofSeconds(1));
      live.close();
    }
  }

  /** An image-only PDF, one page per line of text: what a scanner produces. */
  private static void scannedPdf(Path file, List<String> pages) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      for (String text : pages) {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
        g.drawString(text, 120, 300);
        g.dispose();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.drawImage(LosslessFactory.createFromImage(doc, image), 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      doc.save(file.toFile());
    }
  }
}
