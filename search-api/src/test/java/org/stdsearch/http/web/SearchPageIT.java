package org.stdsearch.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The built-in search page at {@code /} in a real browser over a real index (issue 5). */
class SearchPageIT {
  BrowserFixture fx;
  ChromeDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void open() throws Exception {
    fx = BrowserFixture.get();
    driver = fx.browser(1280, 900);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private List<WebElement> hits() {
    return driver.findElements(By.cssSelector("ol.hits > li.hit"));
  }

  private String summary() {
    return driver.findElement(By.cssSelector(".summary")).getText();
  }

  /** Waits for the results to settle after an action (the summary text changes or stays put). */
  private void awaitResults() {
    wait.until(d -> d.findElements(By.cssSelector("#results[aria-busy]")).isEmpty()
        && !d.findElements(By.cssSelector(".summary, .empty")).isEmpty());
  }

  /** Waits for any view: results, the landing, or an error. */
  private void awaitView() {
    wait.until(d -> d.findElements(By.cssSelector("#results[aria-busy]")).isEmpty()
        && !d.findElements(By.cssSelector(".summary, .empty, .landing, .error")).isEmpty());
  }

  private JsonNode api(String pathAndQuery) throws Exception {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fx.api(pathAndQuery))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return new ObjectMapper().readTree(body);
  }

  @Test
  void suggestionFacetYearRangeDetailAndBackAllWorkAndLiveInTheUrl() throws Exception {
    driver.get(fx.api("/?lang=en"));
    awaitView();
    assertThat(driver.findElements(By.cssSelector(".landing"))).hasSize(1);
    assertThat(driver.findElement(By.cssSelector("link[rel=search]")).getAttribute("type"))
        .isEqualTo("application/opensearchdescription+xml");
    BrowserFixture.screenshot(driver, "page-01-all-en");

    // Suggestions: combobox pattern, keyboard only.
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("personal");
    WebElement listbox = driver.findElement(By.id("suggestions"));
    wait.until(ExpectedConditions.visibilityOf(listbox));
    assertThat(q.getAttribute("aria-expanded")).isEqualTo("true");
    List<WebElement> options = listbox.findElements(By.cssSelector("[role=option]"));
    assertThat(options).isNotEmpty();
    assertThat(options.get(0).findElement(By.cssSelector(".kind")).getText()).isIn("Identifier", "Title", "Term");
    BrowserFixture.screenshot(driver, "page-02-suggestions");
    int pick = -1;
    for (int i = 0; i < options.size(); i++) {
      if (!options.get(i).getAttribute("class").contains("type-identifier")) {
        pick = i;
        break;
      }
    }
    assertThat(pick).as("a title or term suggestion for 'personal'").isNotNegative();
    String picked = options.get(pick).findElement(By.cssSelector(".text")).getText();
    for (int i = 0; i <= pick; i++) {
      q.sendKeys(Keys.ARROW_DOWN);
    }
    assertThat(q.getAttribute("aria-activedescendant")).isEqualTo(options.get(pick).getAttribute("id"));
    q.sendKeys(Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().contains("q="));
    awaitResults();
    assertThat(q.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(java.net.URLDecoder.decode(URI.create(driver.getCurrentUrl()).getRawQuery(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("q=" + picked);
    assertThat(hits()).isNotEmpty();

    // A broader query, then the field facet: counts and results follow the API.
    q.clear();
    q.sendKeys("security", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().contains("q=security"));
    awaitResults();
    long all = api("/api/v1/search?q=security&size=0").get("total").asLong();
    assertThat(summary()).startsWith(all + " result");
    WebElement dataSecurity = wait.until(d -> d.findElement(By.cssSelector(".facet-field input[data-value='dr.sec'], .facet-field input[data-value='dr']")));
    String fieldId = dataSecurity.getAttribute("data-value");
    String count = dataSecurity.findElement(By.xpath("following-sibling::span[@class='count']")).getText();
    dataSecurity.click();
    wait.until(d -> d.getCurrentUrl().contains("field=" + fieldId));
    awaitResults();
    long filtered = api("/api/v1/search?q=security&size=0&field=" + fieldId).get("total").asLong();
    assertThat(filtered).isLessThan(all).isEqualTo(Long.parseLong(count));
    assertThat(summary()).startsWith(filtered + " result");
    assertThat(driver.findElements(By.cssSelector(".chips .chip"))).hasSize(1);
    assertThat(driver.findElements(By.cssSelector("blockquote.snippet mark"))).isNotEmpty();
    BrowserFixture.screenshot(driver, "page-03-field-facet");

    // The year range: two inputs mapping to year_from/year_to; the histogram marks the range.
    assertThat(driver.findElements(By.cssSelector(".histogram .bar"))).isNotEmpty();
    WebElement from = driver.findElement(By.id("year-from"));
    from.sendKeys("2019");
    WebElement to = driver.findElement(By.id("year-to"));
    to.sendKeys("2020", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().contains("year_from=2019") && d.getCurrentUrl().contains("year_to=2020"));
    awaitResults();
    long ranged = api("/api/v1/search?q=security&size=0&field=" + fieldId + "&year_from=2019&year_to=2020").get("total").asLong();
    assertThat(hits()).hasSize((int) ranged);
    for (WebElement hit : hits()) {
      assertThat(hit.findElement(By.cssSelector(".meta")).getText()).containsAnyOf("2019", "2020");
    }
    assertThat(driver.findElements(By.cssSelector(".histogram .bar.in"))).isNotEmpty();
    BrowserFixture.screenshot(driver, "page-04-year-range");
    String resultsUrl = driver.getCurrentUrl();

    // The detail view, links between standards, and back/forward through history.
    hits().get(0).findElement(By.cssSelector(".hit-title a")).click();
    wait.until(d -> d.getCurrentUrl().contains("id="));
    WebElement h1 = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.detail h1")));
    assertThat(h1.getText()).isNotBlank();
    assertThat(driver.findElements(By.cssSelector(".block-metadata dt"))).isNotEmpty();
    assertThat(driver.findElement(By.cssSelector(".actions a")).getAttribute("href")).contains("/content");
    BrowserFixture.screenshot(driver, "page-05-detail");
    driver.navigate().back();
    wait.until(d -> d.getCurrentUrl().equals(resultsUrl));
    awaitResults();
    assertThat(hits()).hasSize((int) ranged);
    assertThat(driver.findElement(By.id("year-from")).getAttribute("value")).isEqualTo("2019");
    driver.navigate().forward();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.detail h1")));
    driver.findElement(By.cssSelector("button.back")).click();
    wait.until(d -> d.getCurrentUrl().equals(resultsUrl));
  }

  @Test
  void detailShowsOutlineTermsLineageAndLinksToCitedStandards() throws Exception {
    String id = api("/api/v1/search?q=" + java.net.URLEncoder.encode("\"GB/T 35273-2020\"", "UTF-8") + "&size=1")
        .get("hits").get(0).get("id").asText();
    driver.get(fx.api("/?id=" + id + "&lang=zh"));
    WebElement h1 = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.detail h1")));
    assertThat(h1.getText()).contains("个人信息安全规范");
    assertThat(driver.findElement(By.cssSelector("button.back")).getText()).contains("返回结果");
    JsonNode detail = api("/api/v1/standards/" + id + "?lang=zh");
    assertThat(driver.findElements(By.cssSelector(".outline .clause"))).hasSize(detail.path("metadata").path("clauses").size());
    assertThat(driver.findElements(By.cssSelector(".terms dt"))).hasSize(detail.path("metadata").path("terms").size());
    assertThat(driver.findElement(By.cssSelector(".chain")).getText()).contains("35273-2017");
    BrowserFixture.screenshot(driver, "page-06-detail-zh");
    WebElement older = driver.findElements(By.cssSelector(".chain .older a")).stream().findFirst().orElse(null);
    if (older != null) {
      older.click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".detail-ident"), "35273-2017"));
      driver.navigate().back();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".detail-ident"), "GB/T 35273-2020"));
    }
  }

  @Test
  void languageSwitchRelabelsEverythingAndKeepsTheSearch() throws Exception {
    driver.get(fx.api("/?q=security&lang=en"));
    awaitResults();
    assertThat(driver.findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("Search");
    assertThat(driver.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("en");
    driver.findElement(By.id("lang-switch")).click();
    wait.until(d -> d.getCurrentUrl().contains("lang=zh"));
    awaitResults();
    assertThat(driver.findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("检索");
    assertThat(driver.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("zh-Hans");
    assertThat(summary()).contains("条结果");
    assertThat(driver.findElement(By.cssSelector(".facet-field h2")).getText()).isEqualTo("技术领域");
    assertThat(driver.getCurrentUrl()).contains("q=security");
    BrowserFixture.screenshot(driver, "page-07-zh");
    driver.navigate().back();
    wait.until(d -> "Search".equals(d.findElement(By.cssSelector("button[type=submit]")).getText()));
  }

  @Test
  void phoneWidthStacksTheLayoutAndHidesFiltersBehindAToggle() throws Exception {
    driver.quit();
    driver = fx.phone();
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    driver.get(fx.api("/?q=information&lang=zh"));
    awaitResults();
    WebElement toggle = driver.findElement(By.id("filters-toggle"));
    assertThat(toggle.isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("facets")).isDisplayed()).isFalse();
    Object overflow = driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
    assertThat(overflow).isEqualTo(false);
    BrowserFixture.screenshot(driver, "page-08-phone");
    toggle.click();
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(driver.findElement(By.id("facets")).isDisplayed()).isTrue();
    BrowserFixture.screenshot(driver, "page-09-phone-filters");
  }

  @Test
  void pageLoadsNothingFromOtherHosts() throws Exception {
    driver.get(fx.api("/?q=security&lang=en"));
    awaitResults();
    @SuppressWarnings("unchecked")
    List<String> urls = (List<String>) driver.executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])");
    assertThat(urls).isNotEmpty().allSatisfy(u -> assertThat(URI.create(u).getHost()).isEqualTo("127.0.0.1"));
  }

  @Test
  void openSearchDescriptionAndSuggestionsFollowTheFormat() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> xml = http.send(HttpRequest.newBuilder(URI.create(fx.api("/opensearch.xml"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(xml.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/opensearchdescription+xml"));
    assertThat(xml.body()).contains("template=\"" + fx.api("/?q={searchTerms}") + "\"")
        .contains("type=\"application/x-suggestions+json\"")
        .contains(fx.api("/api/v1/suggest/opensearch?q={searchTerms}"));
    HttpResponse<String> sugg = http.send(HttpRequest.newBuilder(URI.create(fx.api("/api/v1/suggest/opensearch?q=GB"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(sugg.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/x-suggestions+json"));
    JsonNode body = new ObjectMapper().readTree(sugg.body());
    assertThat(body.get(0).asText()).isEqualTo("GB");
    assertThat(body.get(1)).isNotEmpty();
    assertThat(body.get(1).get(0).asText()).startsWith("GB");
    JsonNode empty = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
        URI.create(fx.api("/api/v1/suggest/opensearch?q="))).build(), HttpResponse.BodyHandlers.ofString()).body());
    assertThat(empty.get(1)).isEmpty();
  }
}
