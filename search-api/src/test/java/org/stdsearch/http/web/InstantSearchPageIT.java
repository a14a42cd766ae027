package org.stdsearch.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real InstantSearch.js (pinned in src/test/instantsearch/package.json, installed there with
 * {@code npm ci}) on a page of another origin, searching through {@code /instantsearch-client.js}:
 * hits with highlights, a refinementList, a hierarchicalMenu, and the cheap disjunctive fan-out.
 */
class InstantSearchPageIT {
  static final Path BUNDLE =
      Path.of("src/test/instantsearch/node_modules/instantsearch.js/dist/instantsearch.production.min.js");
  BrowserFixture fx;
  ChromeDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void open() throws Exception {
    assumeTrue(Files.isRegularFile(BUNDLE),
        "instantsearch.js is not installed: npm ci --prefix search-api/src/test/instantsearch");
    fx = fixture();
    fx.portalFiles.put("/vendor/instantsearch.production.min.js", BUNDLE);
    driver = fx.browser(1200, 850);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /** The server under test: the embedded backend here, the OpenSearch backend in the subclass. */
  BrowserFixture fixture() throws Exception {
    return BrowserFixture.get();
  }

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private List<WebElement> hits() {
    return driver.findElements(By.cssSelector("#hits .ais-Hits-item"));
  }

  @Test
  void instantSearchShowsHitsHighlightsAndRefinesByStatus() throws Exception {
    driver.get(fx.portalPage("/portal/instantsearch", "instantsearch.html"));
    wait.until(d -> hits().size() == BrowserFixture.CORPUS.size());
    assertThat(driver.findElements(By.cssSelector("#status .ais-RefinementList-item"))).hasSizeGreaterThanOrEqualTo(2);
    assertThat(driver.findElements(By.cssSelector("#field .ais-HierarchicalMenu-item"))).isNotEmpty();

    driver.findElement(By.cssSelector(".ais-SearchBox-input")).sendKeys("security");
    wait.until(d -> hits().size() == 4);
    assertThat(driver.findElements(By.cssSelector("#hits .ais-Highlight-highlighted"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("#hits .ais-Snippet-highlighted"))).isNotEmpty();
    assertThat(driver.findElement(By.id("stats")).getText()).contains("4 results");

    WebElement superseded = wait.until(d -> d.findElement(By.cssSelector("#status input[value=superseded]")));
    superseded.click();
    wait.until(d -> hits().size() == 1);
    assertThat(hits().get(0).findElement(By.cssSelector(".year")).getText()).contains("superseded");
    // The refined disjunctive facet is fetched on its own: no hits, that facet only.
    @SuppressWarnings("unchecked")
    List<String> calls = (List<String>) driver.executeScript("return window.__calls");
    assertThat(calls).anySatisfy(u -> assertThat(u).contains("size=0").contains("facets=status").contains("q=security"));
    // The other status stays visible with its count (drill-sideways from the fan-out).
    assertThat(driver.findElements(By.cssSelector("#status .ais-RefinementList-item"))).hasSizeGreaterThanOrEqualTo(2);
    BrowserFixture.screenshot(driver, "instantsearch-01-refined");

    driver.findElement(By.cssSelector("#field .ais-HierarchicalMenu-link")).click();
    wait.until(d -> d.findElements(By.cssSelector("#field .ais-HierarchicalMenu-item--selected")).size() > 0);
    BrowserFixture.screenshot(driver, "instantsearch-02-hierarchical");
  }
}
