package dev.floe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.browser.Chromium;
import dev.floe.navigation.Menus;
import dev.floe.sharedcontent.SharedContents;
import dev.floe.site.SiteSettings;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/**
 * An administrator in a real browser adds redirects by uploading a CSV file (a bad one first, refused whole),
 * arranges a menu's items by keyboard, edits shared content and the site settings, and picks a menu item's page with
 * the page chooser by keyboard. Every screen passes axe-core without serious problems, logs no console error, and is
 * photographed at desktop width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteAdminBrowserTest extends FloeIntegrationTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("floe.test.screenshots", "target/screenshots"));

    @Autowired
    Menus menus;

    @Autowired
    SharedContents sharedContents;

    @Autowired
    SiteSettings siteSettings;

    Chromium chromium;
    WebDriverWait wait;
    Path files;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void startChromium() throws IOException {
        Path var = Path.of(System.getProperty("floe.test.var", "target/test-var")).toAbsolutePath();
        Files.createDirectories(var);
        chromium = Chromium.start(Files.createTempDirectory(var, "chromium-site-admin-"));
        chromium.use(Chromium.Viewport.DESKTOP);
        wait = new WebDriverWait(chromium.driver, Duration.ofSeconds(20));
        // The menu editor's buttons submit the form: a wait may read an element of the page being replaced.
        wait.ignoring(StaleElementReferenceException.class);
        files = Files.createTempDirectory(var, "redirect-csv-");
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void check(String screenshot) {
        problems.addAll(AdminBrowser.pageProblems(chromium, true));
        chromium.screenshot(SCREENSHOTS, "admin-" + screenshot + "-desktop");
    }

    private WebElement byId(String id) {
        return chromium.driver.findElement(By.id(id));
    }

    @Test
    void anAdministratorImportsRedirectsFromCsvAndArrangesAMenuByKeyboard() throws IOException {
        String origin = "http://127.0.0.1:" + port;
        var driver = chromium.driver;
        AdminBrowser.signIn(driver, origin, accounts, AdminRole.ADMINISTRATOR);

        // Redirects: a file with one bad line is refused whole, then a good one is imported.
        String one = "/" + unique("browser-old") + "/";
        String two = "/" + unique("browser-gone") + "/";
        Path bad = Files.writeString(files.resolve("bad.csv"), "old_path,target,status\n" + one + ",/about/,301\n" + two + ",/about/,399\n");
        Path good = Files.writeString(files.resolve("good.csv"), one + ",/about/\n" + two + ",https://example.org/,302\n");
        driver.get(origin + "/admin/");
        driver.findElement(By.linkText("Redirects")).click();
        wait.until(ExpectedConditions.urlContains("/admin/redirects/"));
        driver.findElement(By.linkText("Import from CSV")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("id_file")));
        check("redirects-import");
        byId("id_file").sendKeys(bad.toString());
        byId("id_file").submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("id_file_error")));
        assertThat(driver.findElement(By.cssSelector("ul.form-errors")).getText()).contains("line 3: status must be 301 or 302");
        check("redirects-import-refused");
        byId("id_file").sendKeys(good.toString());
        byId("id_file").submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Imported 2 redirects"));
        byId("id_q").sendKeys(one, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.listing"), one));
        check("redirects");

        // A menu: made, given two items, the second moved up by keyboard, saved.
        String name = unique("browser-menu").toLowerCase(java.util.Locale.ROOT);
        driver.findElement(By.linkText("Menus")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("id_name")));
        byId("id_name").sendKeys(name);
        byId("id_label").sendKeys("Browser menu", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "now add its items"));
        check("menu-new");
        driver.findElement(By.xpath("//button[text()='Add an item']")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("id_label_0")));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("item_0");
        byId("id_label_0").sendKeys("About");
        byId("id_url_0").sendKeys("/about/");
        driver.findElement(By.xpath("//button[text()='Add an item']")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("id_label_1")));
        assertThat(byId("id_label_0").getAttribute("value")).as("typed values survive the round trip").isEqualTo("About");
        byId("id_label_1").sendKeys("Contact");
        byId("id_url_1").sendKeys("mailto:hello@example.org");
        byId("up_1").sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("id_label_0"), "value", "Contact"));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).as("focus follows the moved item").isEqualTo("down_0");
        check("menu-edit");
        driver.findElement(By.xpath("(//button[text()='Save the menu'])[last()]")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "was saved"));
        assertThat(menus.get(name).items()).extracting(Menus.Item::label).containsExactly("Contact", "About");
        check("menu-saved");

        AdminBrowser.signOut(driver);
        assertThat(problems).as("accessibility and console problems").isEmpty();
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    @Test
    void anAdministratorEditsSharedContentAndTheSiteSettingsAndChoosesAMenuItemsPageByKeyboard() {
        String origin = "http://127.0.0.1:" + port;
        var driver = chromium.driver;
        AdminBrowser.signIn(driver, origin, accounts, AdminRole.ADMINISTRATOR);

        // Shared content: a quote block added by keyboard, refused while its text is empty, then saved.
        String name = unique("browser-notice");
        driver.get(origin + "/admin/");
        driver.findElement(By.linkText("Shared content")).click();
        wait.until(ExpectedConditions.urlContains("/admin/shared-content/"));
        driver.findElement(By.linkText("Add shared content")).click();
        visible(By.id("id_title")).sendKeys("Browser notice");
        byId("id_name").sendKeys(name);
        new org.openqa.selenium.support.ui.Select(byId("add-blocks")).selectByValue("quote");
        visible(By.cssSelector("[data-add-block][data-slot-name=blocks]")).sendKeys(Keys.ENTER);
        WebElement quote = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#slot-blocks [data-block] textarea")));
        assertThat(driver.switchTo().activeElement()).as("focus moves into the added block").isEqualTo(quote);
        check("shared-content-new");
        visible(By.cssSelector(".pe-actions button[type=submit]")).click();
        WebElement error = visible(By.cssSelector("#slot-blocks .pe-error"));
        assertThat(error.getText()).contains("required");
        assertThat(byId("pe-errors").getText()).contains("block 1 (quote), field 'text'");
        check("shared-content-refused");
        visible(By.cssSelector("#slot-blocks [data-block] textarea")).sendKeys("Closed for the holidays");
        visible(By.cssSelector(".pe-actions button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "was added"));
        SharedContents.View saved = sharedContents.search(name, 0, 1).items().getFirst();
        assertThat(saved.blocks()).singleElement().satisfies(block -> assertThat(block.value()).containsEntry("text", "Closed for the holidays"));
        check("shared-content-edit");

        // Site settings: robots.txt edited, then the default put back; the 404 page's editor.
        driver.findElement(By.linkText("Site settings")).click();
        WebElement robots = visible(By.id("id_robots_txt"));
        robots.clear();
        robots.sendKeys("User-agent: *\nDisallow: /browser/\n");
        visible(By.xpath("//button[text()='Save the settings']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "were saved"));
        assertThat(siteSettings.robotsTxt()).isEqualTo("User-agent: *\nDisallow: /browser/\n");
        check("settings");
        visible(By.id("id_robots_default")).click();
        visible(By.xpath("//button[text()='Save the settings']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "default again"));
        assertThat(siteSettings.robotsTxtEdited()).isFalse();
        driver.findElement(By.partialLinkText("404")).click();
        visible(By.id("id_title"));
        check("response-page");

        // A menu item's page, picked with the chooser by keyboard: open, search, choose.
        String slug = unique("chosen");
        long chosen = new Pages(api).createUnderHome(slug, "Chosen by keyboard").get("id").asLong();
        String menu = unique("chooser-menu").toLowerCase(java.util.Locale.ROOT);
        driver.findElement(By.linkText("Menus")).click();
        visible(By.id("id_name")).sendKeys(menu);
        byId("id_label").sendKeys("Chooser menu", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "now add its items"));
        driver.findElement(By.xpath("//button[text()='Add an item']")).sendKeys(Keys.ENTER);
        visible(By.id("id_label_0")).sendKeys("Chosen");
        driver.findElement(By.cssSelector("#item_0 [data-chooser-open]")).sendKeys(Keys.ENTER);
        WebElement search = visible(By.cssSelector("#item_0 [data-chooser-q]"));
        wait.until(d -> search.equals(d.switchTo().activeElement()));
        search.sendKeys(slug, Keys.ENTER);
        By choice = By.cssSelector("#item_0 [data-choose='" + chosen + "']");
        wait.until(ExpectedConditions.elementToBeClickable(choice));
        check("menu-page-chooser");
        driver.findElement(choice).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("id_page_0"), "value", Long.toString(chosen)));
        assertThat(byId("id_page_0_chosen").getText()).contains("Chosen by keyboard", "/" + slug + "/");
        assertThat(driver.switchTo().activeElement().getAttribute("aria-controls")).as("focus returns to the chooser's button").isEqualTo("id_page_0_panel");
        driver.findElement(By.xpath("(//button[text()='Save the menu'])[last()]")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "was saved"));
        assertThat(menus.get(menu).items()).singleElement().satisfies(item -> assertThat(item.page()).isEqualTo(chosen));
        check("menu-page-chosen");

        AdminBrowser.signOut(driver);
        assertThat(problems).as("accessibility and console problems").isEmpty();
    }
}
