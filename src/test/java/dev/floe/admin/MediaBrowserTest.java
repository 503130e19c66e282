package dev.floe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.accounts.Groups;
import dev.floe.accounts.SitePermission;
import dev.floe.browser.Chromium;
import dev.floe.media.ImageView;
import dev.floe.media.MediaLibrary;
import dev.floe.support.Pages;

/**
 * The media library in Chromium, under the admin's Content-Security-Policy: an editor who may manage media uploads an
 * image, sets its focal point by clicking on it, and chooses it for an image block in the page editor. Each screen
 * passes axe-core without serious problems, logs no console error (a blocked script or style would), and is
 * photographed at desktop width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaBrowserTest extends MediaAdminTestCase {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("floe.test.screenshots", "target/screenshots"));

    @Autowired
    Groups groups;

    @Autowired
    MediaLibrary library;

    Chromium chromium;
    WebDriverWait wait;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void startChromium() throws IOException {
        Path profiles = Path.of(System.getProperty("floe.test.var", "target/test-var")).toAbsolutePath();
        Files.createDirectories(profiles);
        chromium = Chromium.start(Files.createTempDirectory(profiles, "chromium-media-"));
        chromium.use(Chromium.Viewport.DESKTOP);
        wait = new WebDriverWait(chromium.driver, Duration.ofSeconds(20));
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void check(String screenshot) {
        problems.addAll(AdminBrowser.pageProblems(chromium, false));
        chromium.screenshot(SCREENSHOTS, "admin-" + screenshot + "-desktop");
    }

    private WebElement visible(By by) {
        WebElement element = chromium.driver.findElement(by);
        chromium.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }

    @Test
    void anEditorUploadsAnImageSetsItsFocalPointAndChoosesItForAnImageBlock() throws IOException {
        String origin = "http://127.0.0.1:" + port;
        String group = unique("Picture editors");
        groups.create(group, "Editors who also look after the images.", Set.of(SitePermission.MEDIA));
        String email = unique("picture-editor") + "@admin.test";
        accounts.createUser(email, "Picture editor", AdminRole.PASSWORD, false, Set.of("Editors", group));
        Pages pages = new Pages(api);
        long page = pages.createUnderHome(unique("harbour-photos"), "Harbour photos").get("id").asLong();
        String title = unique("harbour crane").replace('-', ' ');
        Path file = Files.createTempDirectory(Path.of(System.getProperty("floe.test.var", "target/test-var")).toAbsolutePath(), "upload-")
                .resolve(title.replace(' ', '-') + ".png");
        Files.write(file, MediaImagesAdminTest.png(600, 400));
        var driver = chromium.driver;

        AdminBrowser.signIn(driver, origin, email, AdminRole.PASSWORD);
        driver.get(origin + "/admin/");
        driver.findElement(By.cssSelector(".admin-nav a[href='/admin/media/']")).click();
        wait.until(ExpectedConditions.urlContains("/admin/media/images/"));
        check("media-images-before-upload");

        driver.findElement(By.id("id_files")).sendKeys(file.toString());
        visible(By.cssSelector("form[action='/admin/media/images/upload/'] button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "was added"));
        ImageView image = library.searchImages(title, "", 0, 1).items().getFirst();
        assertThat(driver.findElement(By.id("image-grid")).getText()).contains(title);
        check("media-images");

        visible(By.cssSelector("a[href='/admin/media/images/" + image.id() + "/']")).click();
        wait.until(ExpectedConditions.urlContains("/admin/media/images/" + image.id() + "/"));
        WebElement picture = visible(By.id("focal-image"));
        wait.until(d -> ((Number) chromium.driver.executeScript("return arguments[0].naturalWidth", picture)).intValue() > 0);
        // A quarter of the shown width right of the centre: three quarters across the original.
        new Actions(driver).moveToElement(picture, picture.getSize().getWidth() / 4, 0).click().perform();
        assertThat(driver.findElement(By.id("id_focal_x")).getDomProperty("value")).isNotEmpty();
        assertThat(driver.findElement(By.id("focal-box")).isDisplayed()).isTrue();
        check("media-image-edit");
        visible(By.cssSelector("#image-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "was saved"));
        ImageView focused = library.getImage(image.id());
        assertThat(focused.focalPoint()).isNotNull();
        assertThat(focused.focalPoint().x()).isBetween(420, 480);
        assertThat(focused.focalPoint().y()).isBetween(180, 220);

        driver.get(origin + "/admin/pages/" + page + "/edit/");
        new Select(driver.findElement(By.id("add-main"))).selectByValue("image");
        visible(By.cssSelector("[data-add-block][data-slot-name=main]")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#slot-main [data-block] [data-chooser-open]")).isEmpty());
        visible(By.cssSelector("#slot-main [data-block] [data-chooser-open]")).click();
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#slot-main [data-chooser-q]")));
        search.sendKeys(title);
        visible(By.cssSelector("#slot-main [data-chooser-search]")).click();
        By choice = By.cssSelector("#slot-main [data-choose='" + image.id() + "']");
        wait.until(ExpectedConditions.elementToBeClickable(choice));
        check("media-chooser");
        visible(choice).click();
        WebElement field = driver.findElement(By.cssSelector("#slot-main [data-block] [data-chooser-input]"));
        assertThat(field.getDomProperty("value")).isEqualTo(Long.toString(image.id()));
        assertThat(driver.findElement(By.cssSelector("#slot-main [data-chooser-chosen]")).getText()).contains(title);
        visible(By.cssSelector(".pe-actions button[type=submit]")).click();
        wait.until(d -> pages.draft(page).get("slots").get("main").size() == 1);
        assertThat(pages.draft(page).get("slots").get("main").get(0).get("value").get("image").asLong()).isEqualTo(image.id());
        check("media-chosen-in-editor");

        assertThat(problems).as("accessibility problems and console errors").isEmpty();
    }
}
