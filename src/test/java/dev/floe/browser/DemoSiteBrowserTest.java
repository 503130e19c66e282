package dev.floe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.floe.blocks.BlockType;
import dev.floe.blocks.BlockTypes;
import dev.floe.demo.DemoContent;
import dev.floe.pages.Page;
import dev.floe.pages.PageRenderer;
import dev.floe.pages.PageTree;
import dev.floe.pages.PageType;
import dev.floe.pages.PageTypes;
import dev.floe.sharedcontent.SharedContents;
import dev.floe.support.FloeIntegrationTest;

/**
 * The demo site in a real browser: every page reachable from the home page loads, every link leads somewhere, every
 * stylesheet, script and image loads, nothing is written to the console as an error, and axe finds no serious
 * accessibility problem. Screenshots of key pages at desktop and phone widths go to the build's screenshots folder.
 *
 * <p>The demo gets a database of its own (the other tests share one and fill it with their pages) and a site project
 * that allows the demo's iframe and answers its embed from this machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DemoSiteBrowserTest extends FloeIntegrationTest {

    private static final int MAX_PAGES = 300;
    private static final Path SCREENSHOTS = Path.of(System.getProperty("floe.test.screenshots", "target/screenshots"));
    private static final DemoDatabase DATABASE = DemoDatabase.create();
    private static final LocalVideoProvider VIDEOS = new LocalVideoProvider();
    private static final Path SITE = createSite();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void demoSite(DynamicPropertyRegistry registry) {
        registry.add("FLOE_VAR_DIR", DATABASE.varDir::toString);
        registry.add("spring.datasource.url", () -> DATABASE.url);
        registry.add("FLOE_SITE_DIR", SITE::toString);
        registry.add("floe.embed.allow-private-addresses", () -> "true");
    }

    @Autowired
    DemoContent demo;
    @Autowired
    PageTree tree;
    @Autowired
    PageTypes pageTypes;
    @Autowired
    PageRenderer renderer;
    @Autowired
    BlockTypes blockTypes;
    @Autowired
    SharedContents sharedContents;

    Chromium chromium;
    long loadMillis;

    @BeforeAll
    void loadTheDemoAndStartChromium() {
        long started = System.nanoTime();
        assertThat(demo.loadIfEmpty()).as("the demo loads into an empty site").isTrue();
        loadMillis = (System.nanoTime() - started) / 1_000_000;
        chromium = Chromium.start(DemoDatabase.newFolder("chromium-"));
    }

    @AfterAll
    void stop() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            VIDEOS.close();
            DATABASE.drop();
        }
    }

    @Test
    void theDemoShowsEveryPageTypeAndEveryBlockTypeAndLoadsOnlyOnce() {
        List<Page> pages = tree.search(new PageTree.Query(null, null, null, true, 0, 1000)).items();
        Set<String> pageTypesUsed = new TreeSet<>();
        Set<String> layoutsUsed = new TreeSet<>();
        Set<String> blockTypesUsed = new TreeSet<>();
        for (Page page : pages) {
            pageTypesUsed.add(page.getType());
            var content = renderer.content(page, false);
            layoutsUsed.add(page.getType() + "/" + content.layout());
            content.slots().values().forEach(blocks -> blocks.forEach(block -> blockTypesUsed.add(block.type())));
        }
        sharedContents.list(0, 100).items().forEach(shared -> shared.blocks().forEach(block -> blockTypesUsed.add(block.type())));

        assertThat(pageTypesUsed).containsAll(pageTypes.all().stream().map(PageType::name).toList());
        pageTypes.all().forEach(type -> type.layouts().forEach(layout ->
                assertThat(layoutsUsed).as("page type %s in layout %s", type.name(), layout).contains(type.name() + "/" + layout)));
        assertThat(blockTypesUsed).containsAll(blockTypes.all().stream().map(BlockType::name).toList());
        long articles = pages.stream().filter(page -> page.getType().equals("article")).count();
        assertThat(articles).isEqualTo(60);

        assertThat(demo.loadIfEmpty()).as("a second load finds the site in use and changes nothing").isFalse();
        assertThat(tree.search(new PageTree.Query(null, null, null, false, 0, 1000)).total()).isEqualTo(pages.size());
        assertThat(loadMillis).as("loading the demo takes seconds, not minutes").isLessThan(60_000);
        System.out.printf("Loaded the demo's %d pages in %d ms%n", pages.size(), loadMillis);
    }

    @Test
    void everyPageReachableFromTheHomePageLoadsWithItsLinksFilesAndNoConsoleErrors() {
        chromium.use(Chromium.Viewport.DESKTOP);
        String origin = "http://127.0.0.1:" + port;
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new LinkedHashSet<>(queue);
        Map<String, String> linkedFrom = new LinkedHashMap<>();
        Set<String> fragments = new LinkedHashSet<>();
        Map<String, Set<String>> idsByPage = new LinkedHashMap<>();
        Set<String> staticFiles = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        int pagesShown = 0;
        while (!queue.isEmpty() && seen.size() <= MAX_PAGES) {
            String path = queue.poll();
            HttpResponse<Void> response = head(origin + path);
            if (response.statusCode() == 301 || response.statusCode() == 302) {
                String location = response.headers().firstValue("Location").orElse("");
                if (!location.startsWith("/")) {
                    problems.add(path + " redirects off the site to " + location + " (linked from " + linkedFrom.get(path) + ")");
                } else if (seen.add(location)) {
                    linkedFrom.put(location, path);
                    queue.add(location);
                }
                continue;
            }
            if (response.statusCode() != 200) {
                problems.add(path + " answers " + response.statusCode() + " (linked from " + linkedFrom.get(path) + ")");
                continue;
            }
            chromium.driver.get(origin + path);
            pagesShown++;
            for (LogEntry entry : chromium.console()) {
                if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    problems.add(path + " wrote to the console: " + entry.getMessage());
                }
            }
            problems.addAll(failedResources(path));
            idsByPage.put(path, ids());
            staticFiles.addAll(sameOriginFiles(origin));
            for (String href : links()) {
                if (!href.startsWith(origin + "/")) {
                    continue;
                }
                String target = href.substring(origin.length());
                if (target.startsWith("/media/")) {
                    // A link to a library file (a PDF, say) is a file to fetch, not a page to open in the browser.
                    staticFiles.add(target);
                    continue;
                }
                int hash = target.indexOf('#');
                if (hash >= 0) {
                    if (hash < target.length() - 1) {
                        fragments.add(target);
                    }
                    target = target.substring(0, hash);
                }
                if (seen.add(target)) {
                    linkedFrom.put(target, path);
                    queue.add(target);
                }
            }
        }
        for (String file : staticFiles) {
            int status = head(origin + file).statusCode();
            if (status != 200) {
                problems.add("the static file " + file + " answers " + status);
            }
        }
        for (String target : fragments) {
            String page = target.substring(0, target.indexOf('#'));
            String id = target.substring(target.indexOf('#') + 1);
            if (idsByPage.containsKey(page) && !idsByPage.get(page).contains(id)) {
                problems.add(target + " links to an anchor the page does not have");
            }
        }

        chromium.driver.get(origin + "/no-such-page/");
        assertThat(chromium.console()).as("the console is really read: a 404 shows up in it")
                .anyMatch(entry -> entry.getLevel() == Level.SEVERE && entry.getMessage().contains("404"));

        System.out.printf("Crawled %d addresses (%d pages shown), %d static files, %d anchors%n", seen.size(), pagesShown,
                staticFiles.size(), fragments.size());
        assertThat(problems).isEmpty();
        assertThat(seen.size()).as("the crawl stayed within its bound").isLessThanOrEqualTo(MAX_PAGES);
        assertThat(pagesShown).as("the crawl reached every article through the listing's pages").isGreaterThanOrEqualTo(75);
        assertThat(staticFiles).anyMatch(file -> file.endsWith(".css")).anyMatch(file -> file.endsWith(".svg"));
    }

    @Test
    void axeFindsNoSeriousAccessibilityProblemsOnThePagesOfEachKind() {
        String origin = "http://127.0.0.1:" + port;
        List<String> problems = new ArrayList<>();
        Map<Chromium.Viewport, List<String>> samples = Map.of(
                Chromium.Viewport.DESKTOP, samplePages(),
                Chromium.Viewport.PHONE, List.of("/", "/news/", "/news/the-kittiwake-returns-to-her-berth/", "/no-such-page/"));
        for (Chromium.Viewport viewport : List.of(Chromium.Viewport.DESKTOP, Chromium.Viewport.PHONE)) {
            chromium.use(viewport);
            for (String path : samples.get(viewport)) {
                chromium.driver.get(origin + path);
                for (Map<String, Object> violation : axe()) {
                    String impact = String.valueOf(violation.get("impact"));
                    String line = viewport.name() + " " + path + ": " + impact + " " + violation.get("id") + " ("
                            + violation.get("help") + ") at " + violation.get("targets");
                    if (impact.equals("serious") || impact.equals("critical")) {
                        problems.add(line);
                    } else {
                        System.out.println("axe, not failing the test: " + line);
                    }
                }
                chromium.console();
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theMainMenuAndItsSubmenusWorkWithTheKeyboardAndOnPhones() {
        String origin = "http://127.0.0.1:" + port;
        chromium.use(Chromium.Viewport.DESKTOP);
        chromium.driver.get(origin + "/");
        new Actions(chromium.driver).sendKeys(Keys.TAB).perform();
        assertThat(active().getText()).as("the first Tab reaches the skip link").isEqualTo("Skip to content");
        active().sendKeys(Keys.ENTER);
        assertThat(active().getAttribute("id")).as("the skip link moves focus to the content").isEqualTo("content");

        assertThat(visible(chromium.driver.findElement(By.cssSelector(".menu-toggle"))))
                .as("on a wide screen the menu needs no Menu button").isFalse();
        assertThat(accessibleLinks()).as("the menu's links are in the accessibility tree").contains("Visit", "Collections", "News");
        List<WebElement> toggles = chromium.driver.findElements(By.cssSelector(".menu-wide .submenu-toggle"));
        assertThat(toggles).hasSizeGreaterThanOrEqualTo(2);
        WebElement first = toggles.get(0);
        WebElement second = toggles.get(1);
        assertThat(visible(submenuOf(first))).isFalse();
        first.sendKeys(Keys.ENTER);
        assertThat(visible(submenuOf(first))).as("Enter on the button opens its submenu").isTrue();
        assertThat(visible(submenuOf(first).findElement(By.tagName("a")))).isTrue();
        chromium.screenshot(SCREENSHOTS, "home-desktop-submenu");
        second.sendKeys(Keys.SPACE);
        assertThat(visible(submenuOf(second))).as("Space opens the next one").isTrue();
        assertThat(visible(submenuOf(first))).as("and one submenu is open at a time").isFalse();
        second.sendKeys(Keys.ENTER);
        assertThat(visible(submenuOf(second))).as("the button closes its submenu again").isFalse();

        chromium.use(Chromium.Viewport.PHONE);
        chromium.driver.get(origin + "/");
        WebElement menuButton = chromium.driver.findElement(By.cssSelector(".menu-toggle"));
        WebElement menu = chromium.driver.findElement(By.cssSelector(".menu-compact .menu"));
        assertThat(visible(menuButton)).isTrue();
        assertThat(visible(menu)).as("on a phone the menu starts closed").isFalse();
        menuButton.sendKeys(Keys.ENTER);
        assertThat(visible(menu)).isTrue();
        WebElement phoneToggle = menu.findElement(By.cssSelector(".submenu-toggle"));
        phoneToggle.click();
        assertThat(visible(submenuOf(phoneToggle))).as("a tap opens a submenu").isTrue();
        chromium.screenshot(SCREENSHOTS, "home-phone-menu");
        chromium.console();
    }

    /** Whether the element is rendered: Selenium's own check counts what is in a closed details element as hidden. */
    private boolean visible(WebElement element) {
        return (Boolean) chromium.driver.executeScript("return arguments[0].checkVisibility({visibilityProperty: true})", element);
    }

    /** The names of the links Chromium exposes to assistive technology. */
    private List<String> accessibleLinks() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) chromium.driver
                .executeCdpCommand("Accessibility.getFullAXTree", Map.of()).get("nodes");
        List<String> names = new ArrayList<>();
        for (Map<String, Object> node : nodes) {
            if (Boolean.TRUE.equals(node.get("ignored")) || !(node.get("role") instanceof Map<?, ?> role)
                    || !"link".equals(role.get("value")) || !(node.get("name") instanceof Map<?, ?> name)) {
                continue;
            }
            names.add(String.valueOf(name.get("value")));
        }
        return names;
    }

    private WebElement submenuOf(WebElement toggle) {
        return toggle.findElement(By.xpath("following-sibling::ul[contains(@class, 'submenu')]"));
    }

    @Test
    void keyPagesFitDesktopAndPhoneScreensAndAreCapturedAsScreenshots() {
        String origin = "http://127.0.0.1:" + port;
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("listing", "/news/");
        pages.put("article", "/news/the-kittiwake-returns-to-her-berth/");
        pages.put("page", "/visit/");
        pages.put("not-found", "/no-such-page/");
        pages.put("about", "/about/");
        pages.put("contact", "/contact/");
        pages.put("collections", "/collections/");
        pages.put("open-data", "/collections/open-data/");
        pages.put("annual-report", "/about/annual-report-2025/");
        List<String> problems = new ArrayList<>();
        for (Chromium.Viewport viewport : List.of(Chromium.Viewport.DESKTOP, Chromium.Viewport.PHONE)) {
            chromium.use(viewport);
            pages.forEach((name, path) -> {
                chromium.driver.get(origin + path);
                Number overflow = (Number) chromium.driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow.intValue() > 0) {
                    problems.add(viewport.name() + " " + path + " is " + overflow + " px wider than the screen");
                }
                Path file = chromium.screenshot(SCREENSHOTS, name + "-" + viewport.name());
                System.out.println("Screenshot: " + file.toAbsolutePath());
                chromium.console();
            });
        }
        assertThat(problems).isEmpty();
        chromium.driver.get(origin + "/no-such-page/");
        assertThat(chromium.driver.getTitle()).as("the demo's own 404 page").isEqualTo("This page has sailed · Floe");
        chromium.console();
    }

    /**
     * Pages that between them show every layout and every block type (each page chosen because it shows one the
     * pages before it did not), the listing's first and a later page, and the 404 page.
     */
    private List<String> samplePages() {
        List<String> paths = new ArrayList<>(List.of("/news/", "/news/?page=3", "/no-such-page/"));
        Set<String> shown = new LinkedHashSet<>();
        for (Page page : tree.search(new PageTree.Query(null, null, null, true, 0, 1000)).items()) {
            var content = renderer.content(page, false);
            Set<String> kinds = new LinkedHashSet<>();
            kinds.add("layout " + content.layout());
            content.slots().values().forEach(blocks -> blocks.forEach(block -> kinds.add(block.type())));
            if (!pageTypes.get(page.getType()).behaviour().equals(PageType.Behaviour.REDIRECT) && shown.addAll(kinds)) {
                paths.add(page.getPath());
            }
        }
        return paths;
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

    private Set<String> ids() {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) chromium.driver.executeScript(
                "return Array.from(document.querySelectorAll('[id]'), e => e.id)");
        return new LinkedHashSet<>(ids);
    }

    private List<String> links() {
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) chromium.driver.executeScript(
                "return Array.from(document.querySelectorAll('a[href]'), a => a.href)");
        return hrefs;
    }

    /** Every stylesheet, script, image and icon of the page from this site, found in the page and in what it loaded. */
    private Set<String> sameOriginFiles(String origin) {
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) chromium.driver.executeScript("""
                return [
                  ...Array.from(document.querySelectorAll('link[href]'), l => l.href),
                  ...Array.from(document.querySelectorAll('script[src]'), s => s.src),
                  ...Array.from(document.querySelectorAll('img[src]'), i => i.currentSrc || i.src),
                  ...performance.getEntriesByType('resource').map(e => e.name)
                ]""");
        Set<String> files = new TreeSet<>();
        for (String url : urls) {
            if (url.startsWith(origin + "/") && !url.equals(origin + "/")) {
                String path = url.substring(origin.length());
                if (path.startsWith("/static/")) {
                    files.add(path);
                }
            }
        }
        return files;
    }

    /** Resources the browser fetched from this site that did not arrive. */
    private List<String> failedResources(String page) {
        @SuppressWarnings("unchecked")
        List<List<Object>> entries = (List<List<Object>>) chromium.driver.executeScript("""
                return performance.getEntriesByType('resource')
                  .filter(e => e.name.startsWith(location.origin) && e.responseStatus >= 400)
                  .map(e => [e.name, e.responseStatus])""");
        return entries.stream().map(e -> page + " could not load " + e.get(0) + " (" + e.get(1) + ")").toList();
    }

    private WebElement active() {
        return chromium.driver.switchTo().activeElement();
    }

    private static HttpResponse<Void> head(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final String AXE_SOURCE = readAxe();

    private static String readAxe() {
        try (InputStream in = DemoSiteBrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from the test classpath (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createSite() {
        try {
            Path site = DemoDatabase.newFolder("demo-site-");
            Files.writeString(site.resolve("site.yaml"), """
                    embed_hosts:
                      - www.openstreetmap.org
                    oembed_providers:
                      youtube:
                        label: YouTube
                        endpoint: %s
                        url_hosts: [www.youtube.com, youtube.com, youtu.be]
                        frame_hosts: [www.youtube-nocookie.com, www.youtube.com]
                    """.formatted(VIDEOS.endpoint()));
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
