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
import dev.floe.support.FloeIntegrationTest;

/**
 * An administrator in a real browser adds redirects by uploading a CSV file (a bad one first, refused whole) and
 * arranges a menu's items by keyboard. Every screen passes axe-core without serious problems, logs no console error,
 * and is photographed at desktop width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteAdminBrowserTest extends FloeIntegrationTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("floe.test.screenshots", "target/screenshots"));

    @Autowired
    Menus menus;

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
}
