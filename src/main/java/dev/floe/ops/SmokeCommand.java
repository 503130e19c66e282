package dev.floe.ops;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code floe smoke BASE_URL [PATH...]}: fetches a deployed site's key pages and what they load; non-zero if any fails. */
@Command(name = "smoke", description = "Fetch the home page, the sitemap and up to " + SiteSmoke.SITEMAP_SAMPLE
        + " pages it lists, the given paths, and the stylesheets, scripts and images they load from the same host. "
        + "One line per check; exits non-zero if any fails.")
public class SmokeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASE_URL", description = "Where the site answers, such as http://127.0.0.1:8080.")
    URI base;

    @Parameters(index = "1..*", paramLabel = "PATH", description = "More pages to check, such as /about/.")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
            description = "A header to send with every request, such as 'Host: www.example.com' or 'X-Forwarded-Proto: https'.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "How long to wait for each answer (default 10).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        if (base.getScheme() == null || !base.getScheme().matches("https?") || base.getHost() == null) {
            throw new RefusedException("BASE_URL must be an address such as http://127.0.0.1:8080, not '" + base + "'.");
        }
        Map<String, String> sent = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new RefusedException("--header must be 'NAME: VALUE', not '" + header + "'.");
            }
            sent.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        if (sent.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("host"))) {
            // Java's HTTP client sends a Host header of its own unless told it may be replaced.
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        }
        List<SiteSmoke.Check> checks = new SiteSmoke(base, sent, Duration.ofSeconds(timeoutSeconds), System.out).run(paths);
        List<String> failed = checks.stream().filter(c -> c.outcome() == SiteSmoke.Outcome.FAIL).map(SiteSmoke.Check::target).toList();
        long warnings = checks.stream().filter(c -> c.outcome() == SiteSmoke.Outcome.WARN).count();
        if (!failed.isEmpty()) {
            System.err.println("floe: smoke failed: " + failed.size() + " of " + checks.size() + " checks failed ("
                    + String.join(", ", failed) + ")");
            return 1;
        }
        System.out.println("All " + checks.size() + " checks passed" + (warnings > 0 ? " (" + warnings + " warning" + (warnings == 1 ? ")" : "s)") : "") + ".");
        return 0;
    }
}
