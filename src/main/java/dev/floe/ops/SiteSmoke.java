package dev.floe.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches a site's key pages the way a visitor would, after a deploy: the home page, the sitemap and a few pages it
 * lists, the pages asked for, and the stylesheets, scripts and images those pages load from the same host. Each
 * check is one printed line; the result says how many failed.
 */
final class SiteSmoke {

    static final int SITEMAP_SAMPLE = 5;

    private static final Pattern TAG = Pattern.compile("<(link|script|img)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z][a-zA-Z0-9-]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");
    private static final Pattern SITEMAP_PAGE = Pattern.compile("<url>\\s*<loc>\\s*([^<\\s]+)\\s*</loc>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SITEMAP_PART = Pattern.compile("<sitemap>\\s*<loc>\\s*([^<\\s]+)\\s*</loc>", Pattern.CASE_INSENSITIVE);

    enum Outcome { OK, WARN, FAIL }

    /** One check and how it went. */
    record Check(Outcome outcome, int status, String target, String note) {
        String line() {
            return String.format(Locale.ROOT, "%-4s  %-3s  %s%s", outcome, status == 0 ? "---" : String.valueOf(status), target,
                    note.isEmpty() ? "" : "  (" + note + ")");
        }
    }

    private final URI base;
    private final Map<String, String> headers;
    private final HttpClient client;
    private final Duration timeout;
    private final PrintStream out;
    private final List<Check> checks = new ArrayList<>();
    private final Set<URI> assetsChecked = new LinkedHashSet<>();

    SiteSmoke(URI base, Map<String, String> headers, Duration timeout, PrintStream out) {
        this.base = base.getPath().isEmpty() ? base.resolve("/") : base;
        this.headers = headers;
        this.timeout = timeout;
        this.out = out;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    List<Check> run(List<String> paths) {
        Set<URI> pages = new LinkedHashSet<>();
        pages.add(base.resolve("/"));
        for (String path : paths) {
            pages.add(onSite(path));
        }
        page(base.resolve("/"));
        List<URI> fromSitemap = sitemapSample(pages);
        for (String path : paths) {
            page(onSite(path));
        }
        for (URI page : fromSitemap) {
            page(page);
        }
        return List.copyOf(checks);
    }

    private void page(URI page) {
        Fetched fetched = fetch(page);
        if (record(page, fetched) && isHtml(fetched)) {
            for (URI asset : assets(fetched.finalUri(), fetched.body())) {
                if (assetsChecked.add(asset)) {
                    record(asset, fetch(asset));
                }
            }
        }
    }

    /** The sitemap's first pages not already on the list; a missing sitemap is a warning, since a site may have none. */
    private List<URI> sitemapSample(Set<URI> already) {
        URI sitemap = base.resolve("/sitemap.xml");
        Fetched fetched = fetch(sitemap);
        if (fetched.status() == 404) {
            add(new Check(Outcome.WARN, 404, display(sitemap), "no sitemap"));
            return List.of();
        }
        if (!record(sitemap, fetched)) {
            return List.of();
        }
        String xml = fetched.body();
        Matcher part = SITEMAP_PART.matcher(xml);
        if (part.find()) {
            URI first = onSite(part.group(1));
            Fetched partFetched = fetch(first);
            if (!record(first, partFetched)) {
                return List.of();
            }
            xml = partFetched.body();
        }
        List<URI> sample = new ArrayList<>();
        Matcher loc = SITEMAP_PAGE.matcher(xml);
        while (loc.find() && sample.size() < SITEMAP_SAMPLE) {
            URI page = onSite(loc.group(1).replace("&amp;", "&"));
            if (!already.contains(page) && !sample.contains(page)) {
                sample.add(page);
            }
        }
        return sample;
    }

    /** Records a check of a fetched URL; true when it passed. */
    private boolean record(URI target, Fetched fetched) {
        if (fetched.error() != null) {
            add(new Check(Outcome.FAIL, 0, display(target), fetched.error()));
            return false;
        }
        if (fetched.status() != 200) {
            add(new Check(Outcome.FAIL, fetched.status(), display(target), "expected 200"));
            return false;
        }
        if (fetched.bytes() == 0) {
            add(new Check(Outcome.FAIL, 200, display(target), "empty body"));
            return false;
        }
        add(new Check(Outcome.OK, 200, display(target), String.format(Locale.ROOT, "%,d bytes", fetched.bytes())));
        return true;
    }

    private void add(Check check) {
        checks.add(check);
        out.println(check.line());
    }

    /** Stylesheets, scripts and images the page loads from its own host. */
    private static List<URI> assets(URI page, String html) {
        List<URI> assets = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            Map<String, String> attributes = attributes(tag.group(2));
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            String reference = switch (name) {
                case "link" -> List.of(attributes.getOrDefault("rel", "").toLowerCase(Locale.ROOT).split("\\s+")).contains("stylesheet")
                        ? attributes.get("href") : null;
                default -> attributes.get("src");
            };
            if (reference == null || reference.isBlank() || reference.startsWith("data:")) {
                continue;
            }
            try {
                URI asset = page.resolve(reference.strip().replace("&amp;", "&"));
                if (sameHost(page, asset)) {
                    assets.add(asset);
                }
            } catch (IllegalArgumentException notAUri) {
                assets.add(page.resolve("/" + reference.strip().replace(" ", "%20")));
            }
        }
        return assets;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new java.util.HashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            String value = attribute.group(2) != null ? attribute.group(2) : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
            attributes.putIfAbsent(attribute.group(1).toLowerCase(Locale.ROOT), value);
        }
        return attributes;
    }

    private static boolean sameHost(URI page, URI asset) {
        return asset.getHost() != null && asset.getHost().equalsIgnoreCase(page.getHost()) && port(asset) == port(page);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** A path, or a URL whose path (on whatever host the sitemap names) is fetched from the site under test. */
    private URI onSite(String pathOrUrl) {
        URI given = URI.create(pathOrUrl.strip());
        String path = given.getRawPath() == null || given.getRawPath().isEmpty() ? "/" : given.getRawPath();
        String query = given.getRawQuery() == null ? "" : "?" + given.getRawQuery();
        return base.resolve(path.startsWith("/") ? path + query : "/" + path + query);
    }

    private String display(URI target) {
        return sameHost(base, target) ? target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) : target.toString();
    }

    private static boolean isHtml(Fetched fetched) {
        return fetched.contentType().toLowerCase(Locale.ROOT).contains("html");
    }

    private record Fetched(int status, String contentType, String body, long bytes, URI finalUri, String error) {
    }

    private Fetched fetch(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", "floe-smoke");
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            String body = type.contains("html") || type.contains("xml") ? new String(response.body(), StandardCharsets.UTF_8) : "";
            return new Fetched(response.statusCode(), type, body, response.body().length, response.uri(), null);
        } catch (HttpTimeoutException e) {
            return new Fetched(0, "", "", 0, uri, "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Fetched(0, "", "", 0, uri, e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetched(0, "", "", 0, uri, "interrupted");
        }
    }
}
