package org.stdsearch.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The {@code <std-search>} widget on an existing portal page served from another origin: styles do
 * not cross the shadow boundary either way, custom properties theme it, the box sends users to the
 * portal's results page, and the full mode searches cross-origin (issue 5).
 */
class WidgetPageIT {
  BrowserFixture fx;
  ChromeDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void open() throws Exception {
    fx = BrowserFixture.get();
    driver = fx.browser(1100, 800);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    // The widget re-renders its results: an element read mid-render is simply read again.
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private SearchContext shadow() {
    WebElement host = wait.until(d -> d.findElement(By.cssSelector("std-search")));
    wait.until(d -> ((ChromeDriver) d).executeScript("return !!customElements.get('std-search')").equals(true));
    return host.getShadowRoot();
  }

  private String css(WebElement e, String property) {
    return e.getCssValue(property);
  }

  @Test
  void boxModeIsIsolatedThemedAndSendsUsersToThePortalsResultsPage() throws Exception {
    fx.portalPage("/portal/results", "results.html");
    driver.get(fx.portalPage("/portal/search", "search.html"));
    SearchContext root = shadow();
    WebElement input = wait.until(d -> root.findElement(By.cssSelector("input[role=combobox]")));
    WebElement button = root.findElement(By.cssSelector("button.go"));

    // Neither direction leaks: the portal's 5px red inputs stay outside, our styles stay inside.
    assertThat(css(input, "border-top-width")).isEqualTo("1px");
    assertThat(css(driver.findElement(By.id("portal-input")), "border-top-width")).isEqualTo("5px");
    assertThat(css(driver.findElement(By.id("portal-mark")), "background-color")).isEqualTo("rgba(192, 57, 43, 1)");
    assertThat(css(input, "font-family")).doesNotContain("Georgia");
    // Themed through custom properties set by the portal on the element.
    assertThat(css(button, "background-color")).isEqualTo("rgba(10, 125, 56, 1)");
    assertThat(css(button, "border-top-left-radius")).isEqualTo("2px");

    input.sendKeys("personal");
    wait.until(d -> !root.findElements(By.cssSelector("[role=option]")).isEmpty());
    assertThat(input.getAttribute("aria-expanded")).isEqualTo("true");
    List<WebElement> options = root.findElements(By.cssSelector("[role=option]"));
    assertThat(options.get(0).findElement(By.cssSelector(".kind")).getText()).isIn("Identifier", "Title", "Term");
    BrowserFixture.screenshot(driver, "widget-01-box-suggestions");
    input.sendKeys(Keys.ESCAPE);
    assertThat(input.getAttribute("aria-expanded")).isEqualTo("false");
    input.sendKeys(Keys.ENTER);

    wait.until(d -> d.getCurrentUrl().startsWith(fx.portal("/portal/results?q=personal")));
    SearchContext full = shadow();
    wait.until(d -> !full.findElements(By.cssSelector(".hit")).isEmpty());
    assertThat(full.findElement(By.cssSelector("input[role=combobox]")).getAttribute("value")).isEqualTo("personal");
    assertThat(full.findElements(By.cssSelector(".snip mark"))).isNotEmpty();
    assertThat(full.findElement(By.cssSelector(".hit a.t")).getAttribute("href")).startsWith(fx.api("/?id="));
    assertThat(css(full.findElement(By.cssSelector(".hit")), "list-style-type")).isEqualTo("none");
    BrowserFixture.screenshot(driver, "widget-02-full-results");
  }

  @Test
  void fullModeFacetsNarrowTheResultsCrossOrigin() throws Exception {
    driver.get(fx.portalPage("/portal/results", "results.html") + "?q=security");
    SearchContext root = shadow();
    wait.until(d -> !root.findElements(By.cssSelector(".hit")).isEmpty());
    int before = root.findElements(By.cssSelector(".hit")).size();
    String summaryBefore = root.findElement(By.cssSelector(".summary")).getText();
    WebElement superseded = root.findElement(By.cssSelector("input[data-value=superseded]"));
    superseded.click();
    wait.until(d -> !root.findElement(By.cssSelector(".summary")).getText().equals(summaryBefore));
    assertThat(root.findElements(By.cssSelector(".hit"))).hasSizeLessThan(before);
    assertThat(root.findElement(By.cssSelector(".hit .meta")).getText()).contains("被代替");
    BrowserFixture.screenshot(driver, "widget-03-full-facet");
  }
  // ---- issue 18 ------------------------------------------------------------------------------

  private SearchContext shadowOf(String selector) {
    WebElement host = wait.until(d -> d.findElement(By.cssSelector(selector)));
    wait.until(d -> ((ChromeDriver) d).executeScript("return !!customElements.get('std-search')").equals(true));
    return host.getShadowRoot();
  }

  @Test
  void hostilePortalCssOnEveryElementStopsAtTheShadowBoundary() throws Exception {
    driver.get(fx.portalPage("/portal/hostile", "hostile.html") + "?q=security");
    SearchContext box = shadowOf("#box");
    SearchContext full = shadowOf("#full");
    wait.until(d -> !full.findElements(By.cssSelector(".hit")).isEmpty());
    WebElement input = box.findElement(By.cssSelector("input[role=combobox]"));
    input.sendKeys("personal");
    wait.until(d -> !box.findElements(By.cssSelector("[role=option]")).isEmpty());
    BrowserFixture.screenshot(driver, "widget-04-hostile-portal");
    List<WebElement> texts = List.of(input, box.findElement(By.cssSelector("[role=option] .kind")),
        box.findElement(By.cssSelector("button.go")), full.findElement(By.cssSelector(".summary")),
        full.findElement(By.cssSelector(".hit a.t")), full.findElement(By.cssSelector(".hit .meta")));
    for (WebElement e : texts) {
      assertThat(css(e, "font-size")).as("font-size of " + e.getTagName()).isNotEqualTo("30px").isNotEqualTo("12px");
      assertThat(css(e, "color")).as("color of " + e.getTagName()).isNotEqualTo("rgba(255, 0, 0, 1)");
      assertThat(css(e, "font-family")).as("the portal's --std-search-font themes it").contains("DejaVu Sans Mono")
          .doesNotContain("SimSun");
      assertThat(css(e, "text-transform")).isEqualTo("none");
      assertThat(css(e, "letter-spacing")).isIn("normal", "0px");
    }
    assertThat(css(input, "font-size")).isEqualTo("15px");
    assertThat(css(full.findElement(By.cssSelector(".hit a.t")), "color")).isEqualTo("rgba(10, 125, 56, 1)");
  }

  @Test
  void fullModeKeepsItsStateInThePageUrlOnlyWithTheHistoryAttribute() throws Exception {
    String page = fx.portalPage("/portal/history", "history.html");
    driver.get(page + "?q=security");
    SearchContext root = shadow();
    wait.until(d -> !root.findElements(By.cssSelector(".hit")).isEmpty());
    String all = root.findElement(By.cssSelector(".summary")).getText();
    root.findElement(By.cssSelector("input[data-value=superseded]")).click();
    wait.until(d -> d.getCurrentUrl().contains("status=superseded"));
    wait.until(d -> !root.findElement(By.cssSelector(".summary")).getText().equals(all));
    assertThat(driver.getCurrentUrl()).startsWith(fx.portal("/portal/history?")).contains("q=security");
    driver.navigate().back();
    wait.until(d -> !d.getCurrentUrl().contains("status="));
    assertThat(driver.getCurrentUrl()).as("Back stays on the portal").isEqualTo(page + "?q=security");
    wait.until(d -> root.findElement(By.cssSelector(".summary")).getText().equals(all));
    assertThat(root.findElement(By.cssSelector("input[data-value=superseded]")).isSelected()).isFalse();
    driver.navigate().forward();
    wait.until(d -> d.getCurrentUrl().contains("status=superseded"));
    wait.until(d -> !root.findElement(By.cssSelector(".summary")).getText().equals(all));

    // Without the attribute the widget leaves the portal's URL alone.
    String plain = fx.portalPage("/portal/results", "results.html") + "?q=security";
    driver.get(plain);
    SearchContext other = shadow();
    wait.until(d -> !other.findElements(By.cssSelector(".hit")).isEmpty());
    String before = other.findElement(By.cssSelector(".summary")).getText();
    other.findElement(By.cssSelector("input[data-value=superseded]")).click();
    wait.until(d -> !other.findElement(By.cssSelector(".summary")).getText().equals(before));
    assertThat(driver.getCurrentUrl()).isEqualTo(plain);
  }

  @Test
  void anEnglishWidgetShowsTheIdentifierAndTheTitleThereIs() throws Exception {
    driver.get(fx.portalPage("/portal/history", "history.html") + "?q=" + java.net.URLEncoder.encode("远程管理",
        java.nio.charset.StandardCharsets.UTF_8));
    SearchContext root = shadow();
    WebElement link = wait.until(d -> root.findElement(By.cssSelector(".hit a.t")));
    assertThat(link.findElement(By.cssSelector(".id")).getText()).isEqualTo("YD/T 9001-2024");
    WebElement title = link.findElement(By.cssSelector("span[lang]"));
    assertThat(title.getText()).isEqualTo("移动通信网络 物联网终端 远程管理接口技术要求");
    assertThat(title.getAttribute("lang")).isEqualTo("zh-Hans");
  }

  @Test
  void spaceOnAWidgetFilterKeepsFocusOnIt() throws Exception {
    driver.get(fx.portalPage("/portal/history", "history.html") + "?q=security");
    SearchContext root = shadow();
    wait.until(d -> !root.findElements(By.cssSelector(".hit")).isEmpty());
    WebElement current = root.findElement(By.cssSelector("input[data-value=current]"));
    driver.executeScript("arguments[0].focus()", current);
    new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.SPACE).perform();
    wait.until(d -> d.getCurrentUrl().contains("status=current"));
    wait.until(d -> "status:current".equals(driver.executeScript(
        "const a = document.querySelector('std-search').shadowRoot.activeElement; return a && a.dataset.focus")));
  }

  @Test
  void theWidgetHasNoAxeViolationsInBoxOrFullMode() throws Exception {
    fx.portalPage("/portal/results", "results.html");
    driver.get(fx.portalPage("/portal/search", "search.html"));
    SearchContext box = shadow();
    box.findElement(By.cssSelector("input[role=combobox]")).sendKeys("personal");
    wait.until(d -> !box.findElements(By.cssSelector("[role=option]")).isEmpty());
    assertThat(BrowserFixture.axeViolations(driver, "std-search")).as("box with suggestions open").isEmpty();
    driver.get(fx.portal("/portal/results?q=security"));
    SearchContext full = shadow();
    wait.until(d -> !full.findElements(By.cssSelector(".hit")).isEmpty());
    assertThat(BrowserFixture.axeViolations(driver, "std-search")).as("full mode with results").isEmpty();
  }
}
