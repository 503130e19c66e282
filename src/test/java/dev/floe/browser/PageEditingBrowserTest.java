package dev.floe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.floe.admin.AdminRole;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/**
 * The page-editing admin in Chromium: an editor creates a page with blocks (typing rich text, adding and reordering
 * blocks by keyboard), previews it beside the form, saves and submits it for review; a moderator finds it on the
 * dashboard, reviews and approves it, and it is live. axe checks the dashboard, explorer and editor; screenshots of
 * each screen at desktop width go to the build's screenshots folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageEditingBrowserTest extends FloeIntegrationTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("floe.test.screenshots", "target/screenshots"));
    private static final String AXE_SOURCE = axeSource();

    Chromium chromium;
    String slug;
    String origin;

    @BeforeAll
    void startChromium() {
        chromium = Chromium.start(DemoDatabase.newFolder("chromium-admin-"));
        chromium.use(Chromium.Viewport.DESKTOP);
        slug = unique("visiting-the-crane");
        origin = "http://127.0.0.1:" + port;
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void anEditorCreatesPreviewsSavesAndSubmitsAPage() {
        signIn(AdminRole.EDITOR);
        open("/admin/");
        checkAccessibilityAndShoot("admin-dashboard");

        open("/admin/pages/" + new Pages(api).homeId() + "/");
        checkAccessibilityAndShoot("admin-explorer");
        new Select(chromium.driver.findElement(By.id("new-type"))).selectByValue("layout_page");
        click(By.cssSelector("[data-add-page] button[type=submit]"));

        type(By.id("title"), "Visiting the crane");
        type(By.id("slug"), slug);
        addBlock("main", "text");
        WebElement editable = visible(By.cssSelector("#slot-main [data-block]:last-child [contenteditable]"));
        editable.click();
        editable.sendKeys("Open every weekend.");
        addBlock("main", "heading");
        type(By.cssSelector("#slot-main [data-block]:last-child input[name$='.text']"), "Opening times");
        // Keyboard reordering: focus the heading's Up button and press Enter.
        WebElement up = chromium.driver.findElement(By.cssSelector("#slot-main [data-block]:last-child [data-move=up]"));
        up.sendKeys(Keys.ENTER);
        List<String> order = chromium.driver.findElements(By.cssSelector("#slot-main [data-block] legend")).stream()
                .map(WebElement::getText).toList();
        assertThat(order.getFirst()).contains("Heading");
        // Reordering by drag: the browser's drag events, as a mouse drag sends them, carry the heading below the text.
        chromium.driver.executeScript(DRAG_BELOW_LAST, chromium.driver.findElement(By.cssSelector("#slot-main [data-block]:first-child")));
        assertThat(legends()).as("dragged below the text").satisfiesExactly(
                first -> assertThat(first).contains("Rich text"), second -> assertThat(second).contains("Heading"));
        chromium.driver.findElement(By.cssSelector("#slot-main [data-block]:last-child [data-move=up]")).sendKeys(Keys.ENTER);
        assertThat(legends().getFirst()).contains("Heading");
        // A page link's page is picked in the page chooser, by keyboard, then the block moves up above the text.
        addBlock("main", "page_link");
        String pageLink = "#slot-main [data-block]:last-child ";
        visible(By.cssSelector(pageLink + "[data-chooser-open]")).sendKeys(Keys.ENTER);
        long home = new Pages(api).homeId();
        waitFor(() -> !chromium.driver.findElements(By.cssSelector(pageLink + "[data-choose='" + home + "']")).isEmpty());
        checkAccessibilityAndShoot("admin-page-chooser");
        visible(By.cssSelector(pageLink + "[data-choose='" + home + "']")).sendKeys(Keys.ENTER);
        waitFor(() -> String.valueOf(home).equals(chromium.driver.findElement(By.cssSelector(pageLink + "[data-chooser-input]")).getDomProperty("value")));
        assertThat(chromium.driver.findElement(By.cssSelector(pageLink + "[data-chooser-chosen]")).getText()).isEqualTo("Home (/)");
        chromium.driver.findElement(By.cssSelector(pageLink + "[data-move=up]")).sendKeys(Keys.ENTER);
        click(By.cssSelector(".pe-actions button[type=submit]"));
        waitFor(() -> chromium.driver.getCurrentUrl().contains("/edit/"));
        long id = Long.parseLong(chromium.driver.getCurrentUrl().replaceAll(".*/pages/(\\d+)/edit/.*", "$1"));
        tools.jackson.databind.JsonNode main = new Pages(api).draft(id).get("slots").get("main");
        assertThat(main.get(0).get("type").asString()).isEqualTo("heading");
        assertThat(main.get(1).get("type").asString()).isEqualTo("page_link");
        assertThat(main.get(1).get("value").get("page").asLong()).isEqualTo(home);

        type(By.cssSelector("#slot-main [data-block]:last-child [contenteditable]"), " Free entry.");
        click(By.cssSelector("[data-preview]"));
        chromium.driver.switchTo().frame("pe-preview-frame");
        waitFor(() -> chromium.driver.getPageSource().contains("Free entry."));
        chromium.driver.switchTo().defaultContent();
        checkAccessibilityAndShoot("admin-editor");

        click(By.cssSelector(".pe-submit-review summary"));
        type(By.id("submit-assignee"), AdminRole.MODERATOR.email());
        type(By.id("submit-comment"), "Ready for the weekend");
        click(By.cssSelector("button[name=action][value=submit]"));
        waitFor(() -> chromium.driver.getPageSource().contains("Submitted for review."));
        assertThat(chromium.driver.findElement(By.id("review-heading")).getText()).isEqualTo("In review");
        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(404);
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void aModeratorFindsTheSubmissionReviewsAndApprovesIt() {
        signIn(AdminRole.MODERATOR);
        open("/admin/");
        WebElement awaiting = chromium.driver.findElement(By.xpath("//section[h2[@id='awaiting-heading']]"));
        assertThat(awaiting.getText()).contains("Visiting the crane", AdminRole.EDITOR.email());
        awaiting.findElement(By.linkText("Visiting the crane")).click();
        waitFor(() -> chromium.driver.getCurrentUrl().contains("/edit/"));
        assertThat(chromium.driver.findElement(By.cssSelector(".pe-review")).getText()).contains("Submitted by " + AdminRole.EDITOR.email());
        shoot("admin-review");
        click(By.xpath("//button[starts-with(normalize-space(), 'Approve')]"));
        waitFor(() -> chromium.driver.getPageSource().contains("Approved."));
        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(200);
        assertThat(anonymous.get("/" + slug + "/").body()).contains("Opening times", "Free entry.");
        assertThat(consoleErrors()).isEmpty();
        // The bin belongs to those who may delete pages: Administrators, not Moderators.
        signIn(AdminRole.ADMINISTRATOR);
        open("/admin/pages/bin/");
        shoot("admin-bin");
        assertThat(consoleErrors()).isEmpty();
    }

    /** Signs in through the admin's sign-in form as the role's test user, after signing out whoever was in. */
    /**
     * Drags a block below the last one in its slot: dragstart on the block, dragover on the slot below its last
     * block, then drop and dragend. Selenium's mouse actions do not start HTML5 drags in Chromium, so the events are
     * sent as the browser sends them, with a DataTransfer.
     */
    private static final String DRAG_BELOW_LAST = """
            const block = arguments[0], slot = block.parentNode, data = new DataTransfer();
            const below = slot.lastElementChild.getBoundingClientRect().bottom + 5;
            block.dispatchEvent(new DragEvent('dragstart', {bubbles: true, cancelable: true, dataTransfer: data}));
            slot.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data, clientY: below}));
            slot.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data, clientY: below}));
            block.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));
            """;

    private List<String> legends() {
        return chromium.driver.findElements(By.cssSelector("#slot-main [data-block] legend")).stream().map(WebElement::getText).toList();
    }

    private void signIn(AdminRole role) {
        role.ensure(accounts);
        chromium.driver.manage().deleteAllCookies();
        open("/admin/login/");
        type(By.id("id_email"), role.email());
        type(By.id("id_password"), role.password());
        click(By.cssSelector("form[action='/admin/login/'] button[type=submit]"));
        waitFor(() -> chromium.driver.getCurrentUrl().equals(origin + "/admin/"));
    }

    private void open(String path) {
        chromium.driver.get(origin + path);
    }

    private void addBlock(String slot, String type) {
        int before = chromium.driver.findElements(By.cssSelector("#slot-" + slot + " [data-block]")).size();
        new Select(chromium.driver.findElement(By.id("add-" + slot))).selectByValue(type);
        click(By.cssSelector("[data-add-block][data-slot-name=" + slot + "]"));
        waitFor(() -> chromium.driver.findElements(By.cssSelector("#slot-" + slot + " [data-block]")).size() == before + 1);
    }

    private void type(By by, String text) {
        WebElement element = visible(by);
        element.click();
        element.sendKeys(text);
    }

    private void click(By by) {
        visible(by).click();
    }

    /** The element scrolled to the middle of the window, clear of the editor's sticky action bar. */
    private WebElement visible(By by) {
        WebElement element = chromium.driver.findElement(by);
        chromium.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(chromium.driver, Duration.ofSeconds(10)).until(driver -> condition.getAsBoolean());
    }

    private void checkAccessibilityAndShoot(String name) {
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> violation : axe()) {
            String line = violation.get("impact") + " " + violation.get("id") + ": " + violation.get("help") + " " + violation.get("targets");
            if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
                serious.add(line);
            } else {
                System.out.println("axe on " + name + ", not failing the test: " + line);
            }
        }
        assertThat(serious).as("serious or critical accessibility problems on " + name).isEmpty();
        shoot(name);
    }

    private void shoot(String name) {
        System.out.println("Screenshot: " + chromium.screenshot(SCREENSHOTS, name));
    }

    private List<Map<String, Object>> axe() {
        chromium.driver.executeScript(AXE_SOURCE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) chromium.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {iframes: false, resultTypes: ['violations']})
                  .then(result => done(result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))))
                  .catch(error => done([{id: 'axe-failed', impact: 'critical', help: String(error), targets: []}]));
                """);
        return violations;
    }

    private List<String> consoleErrors() {
        return chromium.console().stream().filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    private static String axeSource() {
        try (InputStream in = PageEditingBrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from the test classpath (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
