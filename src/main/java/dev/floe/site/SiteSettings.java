package dev.floe.site;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.floe.blocks.ContentValidationException;
import dev.floe.blocks.ValidationProblem;
import dev.floe.config.FloeSettings;
import dev.floe.pages.Author;

/** Settings editors change without a release: for now, the text of robots.txt. */
@Service
public class SiteSettings {

    static final String ROBOTS = "robots_txt";
    private static final int MAX_ROBOTS = 20_000;
    /** A robots.txt record line: a field name (User-agent, Disallow, Sitemap, …), a colon, a value and maybe a comment. */
    private static final Pattern ROBOTS_LINE = Pattern.compile("[A-Za-z][A-Za-z-]*\\s*:.*");

    private final SiteSettingRepository settings;
    private final FloeSettings floe;
    private final Clock clock;

    SiteSettings(SiteSettingRepository settings, FloeSettings floe, Clock clock) {
        this.settings = settings;
        this.floe = floe;
        this.clock = clock;
    }

    /** robots.txt as edited, or the default that allows everything and names the sitemap. */
    @Transactional(readOnly = true)
    public String robotsTxt() {
        return settings.findById(ROBOTS).map(SiteSetting::getValue).orElseGet(this::defaultRobots);
    }

    public boolean robotsTxtEdited() {
        return settings.existsById(ROBOTS);
    }

    /** Replaces robots.txt; null puts the default back. */
    @Transactional
    public String setRobotsTxt(String text, Author author) {
        if (text == null) {
            settings.deleteById(ROBOTS);
            return defaultRobots();
        }
        if (text.length() > MAX_ROBOTS) {
            throw new ContentValidationException(List.of(ValidationProblem.ofField("robots_txt",
                    "may be at most " + MAX_ROBOTS + " characters long")));
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#") && !ROBOTS_LINE.matcher(line).matches()) {
                throw new ContentValidationException(List.of(ValidationProblem.ofField("robots_txt", "line " + (i + 1)
                        + " ('" + abbreviate(line) + "') is not a rule: write each rule as a name, a colon and a value,"
                        + " such as 'Disallow: /private/', or start a comment with #")));
            }
        }
        SiteSetting setting = settings.findById(ROBOTS).orElseGet(() -> new SiteSetting(ROBOTS));
        setting.set(text, author.email(), clock.instant());
        settings.save(setting);
        return text;
    }

    Optional<String> find(String key) {
        return settings.findById(key).map(SiteSetting::getValue);
    }

    private static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }

    private String defaultRobots() {
        return "User-agent: *\nDisallow: /admin/\nDisallow: /-/\n\nSitemap: " + floe.baseUrl() + "/sitemap.xml\n";
    }
}
