package org.stdsearch.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page as a visitor, a keyboard user and a phone user meet it (issue 18): a landing
 * instead of everything, help when nothing is found or a request fails, nothing that scrolls
 * sideways, keyboard focus that stays put, and no axe-core violations.
 */
class VisitorPageIT {
  BrowserFixture fx;
  ChromeDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void open() throws Exception {
    fx = BrowserFixture.get();
    driver = fx.browser(1351, 900);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private void phone() throws Exception {
    driver.quit();
    driver = fx.phone();
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
  }

  private void load(String pathAndQuery) {
    driver.get(fx.api(pathAndQuery));
    awaitView();
  }

  private void awaitView() {
    wait.until(d -> d.findElements(By.cssSelector("#results[aria-busy]")).isEmpty()
        && !d.findElements(By.cssSelector(".summary, .empty, .landing, .error, article.detail h1")).isEmpty());
  }

  private List<WebElement> hits() {
    return driver.findElements(By.cssSelector("#results ol.hits > li.hit"));
  }

  private JsonNode api(String pathAndQuery) throws Exception {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fx.api(pathAndQuery))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return new ObjectMapper().readTree(body);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private String active() {
    return (String) driver.executeScript("const a = document.activeElement; return a.dataset.focus || a.id || a.tagName");
  }

  private boolean scrollsSideways() {
    return (Boolean) driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth"
        + " || document.body.scrollWidth > window.innerWidth");
  }

  // ---- emptiness and errors ----------------------------------------------------------------

  @Test
  void anEmptyQueryLandsOnTheNewestCurrentStandardsAndFieldsToBrowse() throws Exception {
    load("/?lang=en");
    assertThat(driver.findElement(By.cssSelector(".landing h1")).getText()).isNotBlank();
    assertThat(driver.findElement(By.cssSelector(".landing-count")).getText())
        .startsWith(BrowserFixture.CORPUS.size() + " standards");
    List<String> newest = new ArrayList<>();
    api("/api/v1/search?sort=newest&status=current&size=5&snippets=0").get("hits")
        .forEach(h -> newest.add(h.get("identifier").asText()));
    assertThat(driver.findElements(By.cssSelector(".newest .hit .ident"))).extracting(WebElement::getText)
        .containsExactlyElementsOf(newest);
    assertThat(newest).doesNotContain("GB/T 35273-2017"); // superseded: not on the landing
    List<String> roots = new ArrayList<>();
    api("/api/v1/search?size=0&facets=field&lang=en").at("/facets/field").forEach(f -> roots.add(f.get("label").asText()));
    assertThat(driver.findElements(By.cssSelector(".browse-list .label"))).extracting(WebElement::getText)
        .containsExactlyInAnyOrderElementsOf(roots);
    BrowserFixture.screenshot(driver, "visitor-01-landing");

    // Browsing a field lists its standards, newest first (there is no relevance without words).
    WebElement cit = driver.findElement(By.cssSelector(".browse-list a[data-focus='browse:cit']"));
    cit.click();
    wait.until(d -> d.getCurrentUrl().contains("field=cit"));
    awaitView();
    List<String> expected = new ArrayList<>();
    api("/api/v1/search?field=cit&sort=newest&size=10").get("hits").forEach(h -> expected.add(h.get("identifier").asText()));
    assertThat(hits()).extracting(h -> h.findElement(By.cssSelector(".ident")).getText()).containsExactlyElementsOf(expected);
  }

  @Test
  void aQueryWithNoHitsOffersARespellingAndFewerFilters() throws Exception {
    load("/?q=securty&lang=en");
    WebElement respelled = wait.until(d -> d.findElement(By.cssSelector(".did-you-mean a")));
    assertThat(respelled.getText()).isEqualTo("security");
    BrowserFixture.screenshot(driver, "visitor-02-did-you-mean");
    respelled.click();
    wait.until(d -> d.getCurrentUrl().contains("q=security"));
    awaitView();
    assertThat(hits()).hasSize((int) api("/api/v1/search?q=security&size=0").get("total").asLong());

    load("/?q=security&status=withdrawn&field=dr&lang=en");
    long withoutStatus = api("/api/v1/search?q=security&field=dr&size=0").get("total").asLong();
    long withoutAny = api("/api/v1/search?q=security&size=0").get("total").asLong();
    List<WebElement> offers = wait.until(d -> {
      List<WebElement> found = d.findElements(By.cssSelector(".relax button"));
      return found.isEmpty() ? null : found;
    });
    assertThat(offers).extracting(WebElement::getText)
        .contains("Without “Status: Withdrawn”: " + withoutStatus + " results", "Without any filter: " + withoutAny + " results");
    BrowserFixture.screenshot(driver, "visitor-03-fewer-filters");
    offers.stream().filter(o -> o.getText().startsWith("Without “Status")).findFirst().orElseThrow().click();
    wait.until(d -> !d.getCurrentUrl().contains("status="));
    awaitView();
    assertThat(hits()).hasSize((int) withoutStatus);
  }

  @Test
  void aFailedRequestSaysWhatHappenedOffersToTryAgainAndDropsStaleFilters() throws Exception {
    load("/?q=security&lang=en");
    assertThat(driver.findElements(By.cssSelector("#facets .facet"))).isNotEmpty();
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/v1/search*")));
    try {
      WebElement q = driver.findElement(By.id("q"));
      q.clear();
      q.sendKeys("personal", Keys.ENTER);
      WebElement error = wait.until(d -> d.findElement(By.cssSelector("#results .error")));
      assertThat(error.getText()).contains("The search service could not be reached").doesNotContain("Failed to fetch");
      assertThat(driver.findElements(By.cssSelector("#facets .facet"))).as("no filters left from the last answer").isEmpty();
      BrowserFixture.screenshot(driver, "visitor-04-failed");
    } finally {
      driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
    }
    driver.findElement(By.cssSelector("#results .error button.retry")).click();
    awaitView();
    assertThat(hits()).hasSize((int) api("/api/v1/search?q=personal&size=0").get("total").asLong());
    assertThat(driver.findElements(By.cssSelector("#facets .facet"))).isNotEmpty();
  }

  // ---- layout --------------------------------------------------------------------------------

  @Test
  void nothingScrollsSidewaysWithLongUnbrokenTitlesOnADesktopOrAPhone() throws Exception {
    String id = api("/api/v1/search?q=" + enc("\"ISO 99001:2021\"") + "&size=1").at("/hits/0/id").asText();
    for (boolean onPhone : List.of(false, true)) {
      if (onPhone) {
        phone();
      }
      for (String page : List.of("/?q=connector&lang=en", "/?lang=en", "/?q=pneumatic&lang=zh", "/?id=" + id + "&lang=en")) {
        load(page);
        assertThat(scrollsSideways()).as((onPhone ? "phone " : "desktop ") + page).isFalse();
      }
      BrowserFixture.screenshot(driver, "visitor-05-long-title-" + (onPhone ? "phone" : "desktop"));
    }
  }

  @Test
  void onAPhoneFiltersCloseAfterAPickCountWhatIsActiveAndHaveTouchSizedTargets() throws Exception {
    phone();
    load("/?q=security&lang=en");
    WebElement toggle = driver.findElement(By.id("filters-toggle"));
    assertThat(toggle.getText()).isEqualTo("Filters");
    toggle.click();
    WebElement current = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".facet-status input[data-value=current]")));
    for (WebElement box : driver.findElements(By.cssSelector("#facets input[type=checkbox]"))) {
      if (box.isDisplayed()) {
        assertThat(box.getRect().getWidth()).as("checkbox width").isGreaterThanOrEqualTo(24);
        assertThat(box.getRect().getHeight()).as("checkbox height").isGreaterThanOrEqualTo(24);
      }
    }
    BrowserFixture.screenshot(driver, "visitor-06-phone-filters-open");
    current.click();
    wait.until(d -> d.getCurrentUrl().contains("status=current"));
    awaitView();
    assertThat(driver.findElement(By.id("facets")).isDisplayed()).as("the panel closed over the results").isFalse();
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(toggle.getText()).isEqualTo("Filters (1)");
    assertThat(active()).isEqualTo("filters-toggle");
    BrowserFixture.screenshot(driver, "visitor-07-phone-filter-picked");
  }

  // ---- suggestions ---------------------------------------------------------------------------

  @Test
  void suggestionsAcceptIdentifiersAsSearchDoesAndTellEditionsApart() throws Exception {
    load("/?q=x&lang=zh");
    WebElement q = driver.findElement(By.id("q"));
    for (String typed : List.of("GBT 22239", "gb/t2223", "gbt22239")) {
      retype(q, typed);
      awaitFirstSuggestion("GB/T 22239-2019");
    }
    retype(q, "RFC91");
    awaitFirstSuggestion("RFC 9110");
    assertThat(driver.findElement(By.cssSelector("#suggestions [role=option] .whose")).getText()).isEqualTo("2022");

    retype(q, "个人信息安全规范");
    wait.until(d -> d.findElements(By.cssSelector("#suggestions .type-title .whose")).size() >= 2);
    assertThat(driver.findElements(By.cssSelector("#suggestions .type-title"))).extracting(
        o -> o.findElement(By.cssSelector(".text")).getText() + " | " + o.findElement(By.cssSelector(".whose")).getText())
        .contains("信息安全技术 个人信息安全规范 | GB/T 35273-2020", "信息安全技术 个人信息安全规范 | GB/T 35273-2017");
    BrowserFixture.screenshot(driver, "visitor-08-suggestions-editions");
  }

  /** Empties the box as a person does (the suggestions close), then types {@code text}. */
  private void retype(WebElement q, String text) {
    q.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    wait.until(d -> !d.findElement(By.id("suggestions")).isDisplayed());
    q.sendKeys(text);
  }

  /** The suggestions for what was typed last are open and the first one reads {@code text}. */
  private void awaitFirstSuggestion(String text) {
    wait.until(d -> d.findElement(By.id("suggestions")).isDisplayed()
        && d.findElement(By.cssSelector("#suggestions [role=option] .text")).getText().equals(text));
  }

  // ---- keyboard ------------------------------------------------------------------------------

  @Test
  void fromTheSearchBoxTabReachesTheFirstResultInAFewPresses() throws Exception {
    load("/?q=security&lang=en");
    driver.findElement(By.id("q")).click();
    String first = "hit:" + api("/api/v1/search?q=security&size=1").at("/hits/0/id").asText();
    int presses = 0;
    while (!first.equals(active()) && presses < 60) {
      new Actions(driver).sendKeys(Keys.TAB).perform();
      presses++;
    }
    assertThat(active()).isEqualTo(first);
    assertThat(presses).as("Tab presses from the search box to the first result").isLessThanOrEqualTo(5);
  }

  @Test
  void theSkipLinkLandsOnTheResults() throws Exception {
    load("/?q=security&lang=en");
    new Actions(driver).sendKeys(Keys.TAB).perform();
    assertThat(driver.switchTo().activeElement().getAttribute("class")).isEqualTo("skip");
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    wait.until(d -> "results".equals(active()));
    new Actions(driver).sendKeys(Keys.TAB).perform();
    assertThat((Boolean) driver.executeScript("return document.getElementById('results').contains(document.activeElement)"))
        .as("the next Tab stays in the results, not the filters").isTrue();
  }

  @Test
  void spaceOnAFilterKeepsFocusOnItAndTheYearChartIsOneTabStop() throws Exception {
    load("/?q=security&lang=en");
    WebElement current = driver.findElement(By.cssSelector(".facet-status input[data-value=current]"));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].focus()", current);
    new Actions(driver).sendKeys(Keys.SPACE).perform();
    wait.until(d -> d.getCurrentUrl().contains("status=current"));
    awaitView();
    wait.until(d -> "status:current".equals(active()));
    assertThat(driver.switchTo().activeElement().isSelected()).isTrue();
    new Actions(driver).sendKeys(Keys.SPACE).perform();
    wait.until(d -> !d.getCurrentUrl().contains("status=current"));
    awaitView();
    wait.until(d -> "status:current".equals(active()));

    List<WebElement> bars = driver.findElements(By.cssSelector(".histogram button"));
    assertThat(bars.size()).isGreaterThan(1);
    assertThat(bars).filteredOn(b -> "0".equals(b.getAttribute("tabindex"))).hasSize(1);
    WebElement stop = bars.stream().filter(b -> "0".equals(b.getAttribute("tabindex"))).findFirst().orElseThrow();
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].focus()", stop);
    String before = active();
    new Actions(driver).sendKeys(Keys.ARROW_LEFT).perform();
    assertThat(active()).startsWith("year:").isNotEqualTo(before);
  }

  @Test
  void backFromAStandardRestoresScrollAndFocus() throws Exception {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1000, 520));
    load("/?sort=newest&lang=en");
    List<WebElement> list = hits();
    assertThat(list.size()).isGreaterThanOrEqualTo(6);
    WebElement link = list.get(5).findElement(By.cssSelector(".hit-title a"));
    String key = link.getAttribute("data-focus");
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", link);
    long scrolled = ((Number) driver.executeScript("return Math.round(window.scrollY)")).longValue();
    assertThat(scrolled).isPositive();
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.detail h1")));
    driver.navigate().back();
    awaitView();
    wait.until(d -> key.equals(active()));
    assertThat(((Number) driver.executeScript("return Math.round(window.scrollY)")).longValue()).isBetween(scrolled - 2, scrolled + 2);
  }

  // ---- accessibility -------------------------------------------------------------------------

  @Test
  void theViewsOfThePageHaveNoAxeViolations() throws Exception {
    String id = api("/api/v1/search?q=" + enc("\"GB/T 35273-2020\"") + "&size=1").at("/hits/0/id").asText();
    for (String page : List.of("/?lang=en", "/?q=security&lang=zh", "/?q=http&field=cit&year_from=2019&lang=en",
        "/?q=securty&status=withdrawn&lang=en", "/?id=" + id + "&lang=zh")) {
      load(page);
      wait.until(d -> d.findElements(By.cssSelector(".empty-lead")).isEmpty()
          || !d.findElements(By.cssSelector(".did-you-mean, .relax")).isEmpty());
      assertThat(BrowserFixture.axeViolations(driver)).as(page).isEmpty();
    }
    // Titles in the other language are marked as such: an English-only title on the Chinese page.
    load("/?q=pneumatic&lang=zh");
    assertThat(driver.findElement(By.cssSelector(".hit .title-main")).getAttribute("lang")).isEqualTo("en");
    load("/?q=" + enc("远程管理") + "&lang=en");
    assertThat(driver.findElement(By.cssSelector(".hit .title-main")).getAttribute("lang")).isEqualTo("zh-Hans");

    phone();
    load("/?q=information&lang=zh");
    driver.findElement(By.id("filters-toggle")).click();
    assertThat(BrowserFixture.axeViolations(driver)).as("phone with the filters open").isEmpty();
  }
}
