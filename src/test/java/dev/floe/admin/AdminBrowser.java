package dev.floe.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.floe.accounts.Accounts;
import dev.floe.browser.Chromium;

/**
 * Signing a real browser in to the admin for browser tests (start one with {@code dev.floe.browser.Chromium.start}):
 * {@code AdminBrowser.signIn(chromium.driver, "http://127.0.0.1:" + port, accounts, AdminRole.EDITOR)}.
 */
public final class AdminBrowser {

    private AdminBrowser() {
    }

    public static void signIn(WebDriver driver, String baseUrl, Accounts accounts, AdminRole role) {
        role.ensure(accounts);
        signIn(driver, baseUrl, role.email(), role.password());
    }

    /** Fills in and sends the sign-in form, and waits for the dashboard (or the page that asked for sign-in). */
    public static void signIn(WebDriver driver, String baseUrl, String email, String password) {
        driver.get(baseUrl + "/admin/login/");
        driver.findElement(By.id("id_email")).sendKeys(email);
        driver.findElement(By.id("id_password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/admin/login/'] button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/admin/login/")));
    }

    /**
     * What is wrong with the page the browser shows: axe-core's serious findings and the console's errors, one line
     * each. A form sent back with its mistakes answers 422 on purpose, and Chromium logs that as a failed load: with
     * {@code formsSentBackWithMistakes} such lines are not counted.
     */
    public static List<String> pageProblems(Chromium chromium, boolean formsSentBackWithMistakes) {
        List<String> problems = new ArrayList<>(seriousAccessibilityProblems(chromium.driver));
        for (LogEntry entry : chromium.console()) {
            boolean formWithMistakes = formsSentBackWithMistakes && entry.getMessage().contains("status of 422");
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !formWithMistakes) {
                problems.add(chromium.driver.getCurrentUrl() + ": console: " + entry.getMessage());
            }
        }
        return problems;
    }

    /**
     * Runs axe-core on the current page and returns its serious and critical findings, one line each (empty when
     * there are none); lesser findings are printed.
     */
    public static List<String> seriousAccessibilityProblems(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(AXE_SOURCE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {iframes: false, resultTypes: ['violations']})
                  .then(result => done(result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))))
                  .catch(error => done([{id: 'axe-failed', impact: 'critical', help: String(error), targets: []}]));
                """);
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> violation : violations) {
            String line = driver.getCurrentUrl() + ": " + violation.get("impact") + " " + violation.get("id") + " ("
                    + violation.get("help") + ") at " + violation.get("targets");
            if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
                serious.add(line);
            } else {
                System.out.println("axe, not failing the test: " + line);
            }
        }
        return serious;
    }

    private static final String AXE_SOURCE = readAxe();

    private static String readAxe() {
        try (InputStream in = AdminBrowser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from the test classpath (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs out with the sidebar's button. */
    public static void signOut(WebDriver driver) {
        driver.findElement(By.cssSelector("form[action='/admin/logout/'] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/admin/login/"));
    }
}
