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
    // InstantSearch re-renders the hits for each answer it gets: an element read between two renders is stale
    wait = (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
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

    // Facet values are labels in the client's language (issue 18), the filter still the status id.
    WebElement superseded = wait.until(d -> d.findElement(By.cssSelector("#status input[value=Superseded]")));
    superseded.click();
    wait.until(d -> hits().size() == 1);
    assertThat(hits().get(0).findElement(By.cssSelector(".year")).getText()).contains("Superseded");
    // The refined disjunctive facet is fetched on its own: no hits, that facet only.
    @SuppressWarnings("unchecked")
    List<String> calls = (List<String>) driver.executeScript("return window.__calls");
    assertThat(calls).anySatisfy(u -> assertThat(u).contains("size=0").contains("facets=status").contains("q=security"));
    assertThat(calls).anySatisfy(u -> assertThat(u).contains("status=superseded"));
    // The other status stays visible with its count (drill-sideways from the fan-out).
    assertThat(driver.findElements(By.cssSelector("#status .ais-RefinementList-item"))).hasSizeGreaterThanOrEqualTo(2);
    BrowserFixture.screenshot(driver, "instantsearch-01-refined");

    driver.findElement(By.cssSelector("#field .ais-HierarchicalMenu-link")).click();
    wait.until(d -> d.findElements(By.cssSelector("#field .ais-HierarchicalMenu-item--selected")).size() > 0);
    BrowserFixture.screenshot(driver, "instantsearch-02-hierarchical");
  }
  private String sortingPage(String query) throws Exception {
    return fx.portalPage("/portal/instantsearch-sorting", "instantsearch-sorting.html") + query;
  }

  private List<String> identifiers() {
    return hits().stream().map(h -> h.findElement(By.cssSelector(".identifier")).getText()).toList();
  }

  private List<String> apiIdentifiers(String query) throws Exception {
    String body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(fx.api("/api/v1/search?" + query))).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    List<String> out = new java.util.ArrayList<>();
    new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("hits").forEach(h -> out.add(h.get("identifier").asText()));
    return out;
  }

  @Test
  void sortByReplicaIndexNamesOrdersTheHits() throws Exception {
    driver.get(sortingPage(""));
    wait.until(d -> hits().size() == BrowserFixture.CORPUS.size());
    for (String[] choice : new String[][] {{"standards_newest", "newest"}, {"standards_oldest", "oldest"},
        {"standards/sort/identifier", "identifier"}}) {
      List<String> expected = apiIdentifiers("sort=" + choice[1] + "&size=20");
      new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector(".ais-SortBy-select")))
          .selectByValue(choice[0]);
      wait.until(d -> identifiers().equals(expected));
    }
    @SuppressWarnings("unchecked")
    List<String> calls = (List<String>) driver.executeScript("return window.__calls");
    assertThat(calls).anySatisfy(u -> assertThat(u).contains("sort=newest"))
        .anySatisfy(u -> assertThat(u).contains("sort=identifier"));
  }

  @Test
  void negativeRefinementsExcludeWhatTheyName() throws Exception {
    driver.get(sortingPage("?negative=-family:RFC&negative=status:-Superseded"));
    List<String> expected = apiIdentifiers("family=-RFC&status=-superseded&size=20");
    assertThat(expected).doesNotContain("RFC 9110", "GB/T 35273-2017").isNotEmpty();
    wait.until(d -> !hits().isEmpty() && new java.util.HashSet<>(identifiers()).equals(new java.util.HashSet<>(expected)));
    assertThat(identifiers()).doesNotContain("RFC 9110", "GB/T 35273-2017");
  }

  @Test
  void facetValuesAreLabelsAndStillFilterById() throws Exception {
    driver.get(sortingPage(""));
    wait.until(d -> hits().size() == BrowserFixture.CORPUS.size());
    List<String> shown = driver.findElements(By.cssSelector("#field .ais-RefinementList-labelText")).stream()
        .map(WebElement::getText).toList();
    assertThat(shown).isNotEmpty().noneMatch(v -> v.matches("[a-z]+(\\.[a-z]+)*"))
        .contains("Cybersecurity and cryptography");
    assertThat(driver.findElements(By.cssSelector("#status .ais-RefinementList-labelText"))).extracting(WebElement::getText)
        .contains("Current", "Superseded");
    driver.findElement(By.cssSelector("#field input[value='Cybersecurity and cryptography']")).click();
    List<String> expected = apiIdentifiers("field=cit.sec&size=20");
    wait.until(d -> new java.util.HashSet<>(identifiers()).equals(new java.util.HashSet<>(expected)));
    @SuppressWarnings("unchecked")
    List<String> calls = (List<String>) driver.executeScript("return window.__calls");
    assertThat(calls).anySatisfy(u -> assertThat(u).contains("field=cit.sec"));
  }
}
