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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.accounts.Groups;
import dev.floe.browser.Chromium;
import dev.floe.support.FloeIntegrationTest;

/**
 * An administrator in a real browser: signs in, adds a user, makes a group with permissions, makes an API token and
 * signs out. Every screen passes axe-core without serious problems, writes nothing to the console as an error, and
 * is photographed at desktop width into the build's screenshots folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserTest extends FloeIntegrationTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("floe.test.screenshots", "target/screenshots"));

    @Autowired
    Groups groups;

    Chromium chromium;
    WebDriverWait wait;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void startChromium() throws IOException {
        Path profiles = Path.of(System.getProperty("floe.test.var", "target/test-var")).toAbsolutePath();
        Files.createDirectories(profiles);
        chromium = Chromium.start(Files.createTempDirectory(profiles, "chromium-admin-"));
        chromium.use(Chromium.Viewport.DESKTOP);
        wait = new WebDriverWait(chromium.driver, Duration.ofSeconds(20));
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Checks the page as it stands: accessibility, console errors, and a screenshot. */
    private void check(String screenshot) {
        problems.addAll(AdminBrowser.pageProblems(chromium, true));
        chromium.screenshot(SCREENSHOTS, "admin-" + screenshot + "-desktop");
    }

    private WebElement byId(String id) {
        return chromium.driver.findElement(By.id(id));
    }

    private String messages() {
        return chromium.driver.findElement(By.id("messages")).getText();
    }

    @Test
    void anAdministratorSignsInAddsAUserAGroupAndAToken() {
        String origin = "http://127.0.0.1:" + port;
        AdminRole.ADMINISTRATOR.ensure(accounts);
        var driver = chromium.driver;

        driver.get(origin + "/admin/users/");
        assertThat(driver.getCurrentUrl()).contains("/admin/login/");
        check("sign-in");
        byId("id_email").sendKeys(AdminRole.ADMINISTRATOR.email());
        byId("id_password").sendKeys("not the password", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".form-errors"), "not right"));
        check("sign-in-error");
        byId("id_password").sendKeys(AdminRole.PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/admin/users/"));
        assertThat(driver.findElement(By.cssSelector(".admin-nav a[aria-current=page]")).getText()).isEqualTo("Users");
        check("users");

        driver.get(origin + "/admin/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        check("dashboard");

        // A group for the shop's editors, with a site-wide permission and a page permission.
        String groupName = unique("Shop editors");
        driver.get(origin + "/admin/groups/new/");
        byId("id_name").sendKeys(groupName);
        byId("id_description").sendKeys("Edit the shop pages and their images.");
        byId("id_permission_MEDIA").click();
        check("group-new");
        byId("id_name").submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "was added"));
        byId("id_path").sendKeys("/");
        byId("id_action_EDIT").click();
        byId("id_action_ADD").click();
        byId("id_path").submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "may now"));
        assertThat(messages()).contains(groupName + " may now");
        check("group-edit");
        long groupId = groups.list().stream().filter(g -> g.name().equals(groupName)).findFirst().orElseThrow().id();
        assertThat(groups.get(groupId).pageGrants()).hasSize(2);

        // A user in that group.
        String email = unique("shop") + "@browser.test";
        driver.get(origin + "/admin/users/new/");
        byId("id_email").sendKeys(email);
        byId("id_name").sendKeys("Shop Keeper");
        byId("id_password").sendKeys("a shop keeper's password");
        byId("id_password2").sendKeys("a different password");
        byId("id_group_" + groupId).click();
        byId("id_email").submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("id_password2_error")));
        assertThat(byId("id_password2").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(byId("id_group_" + groupId).isSelected()).as("choices survive a failed submission").isTrue();
        check("user-new-error");
        byId("id_password").sendKeys("a shop keeper's password");
        byId("id_password2").sendKeys("a shop keeper's password");
        byId("id_email").submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "was added"));
        assertThat(driver.findElement(By.cssSelector("table.listing")).getText()).contains(email, groupName);
        check("users-after-add");

        // A token, shown once.
        driver.get(origin + "/admin/tokens/");
        byId("id_label").sendKeys("Browser test script", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-token")));
        String token = byId("new-token").getText();
        assertThat(token).startsWith("floe_");
        check("token-created");
        assertThat(api.withToken(token).get("/api/v2/pages/?draft=true").status()).isEqualTo(200);
        driver.get(origin + "/admin/tokens/");
        assertThat(driver.getPageSource()).contains("Browser test script").doesNotContain(token);
        check("tokens");

        AdminBrowser.signOut(driver);
        assertThat(messages()).contains("You have signed out.");
        driver.get(origin + "/admin/");
        assertThat(driver.getCurrentUrl()).contains("/admin/login/");

        // The new user signs in and sees only what their group allows.
        AdminBrowser.signIn(driver, origin, email, "a shop keeper's password");
        List<String> nav = driver.findElements(By.cssSelector(".admin-nav a")).stream().map(WebElement::getText).toList();
        assertThat(nav).containsExactly("Dashboard", "Pages", "Media", "API tokens");
        check("dashboard-shop-editor");
        AdminBrowser.signOut(driver);

        assertThat(problems).as("accessibility and console problems").isEmpty();
    }
}
