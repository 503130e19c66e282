package dev.floe.admin;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.floe.accounts.Accounts;

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

    /** Signs out with the sidebar's button. */
    public static void signOut(WebDriver driver) {
        driver.findElement(By.cssSelector("form[action='/admin/logout/'] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/admin/login/"));
    }
}
