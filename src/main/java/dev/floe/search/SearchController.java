package dev.floe.search;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.floe.pages.PageRenderer;
import dev.floe.templates.Templates;
import io.pebbletemplates.pebble.extension.escaper.SafeString;

/**
 * {@code /search/?q=}: the public search page ({@code templates/search/results.peb}, which a site may override), and
 * {@code /search/suggest?q=}, titles for suggestions while typing. Drafts are never searched here.
 */
@Controller
class SearchController {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final SiteSearch search;
    private final Templates templates;
    private final PageRenderer renderer;

    SearchController(SiteSearch search, Templates templates, PageRenderer renderer) {
        this.search = search;
        this.templates = templates;
        this.renderer = renderer;
    }

    @GetMapping({"/search/", "/search"})
    ResponseEntity<String> page(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String type,
                                @RequestParam(defaultValue = "1") String page) {
        Map<String, Object> context = context(q);
        int number = parsePage(page);
        try {
            SearchResults results = search.search(SearchQuery.live(q, type, number));
            context.put("results", view(results));
            return html(HttpStatus.OK, templates.render("search/results", context));
        } catch (IllegalArgumentException e) {
            context.put("problem", e.getMessage());
            return html(HttpStatus.BAD_REQUEST, templates.render("search/results", context));
        } catch (SearchUnavailableException e) {
            return html(HttpStatus.SERVICE_UNAVAILABLE, templates.render("search/unavailable", context));
        }
    }

    @GetMapping(value = "/search/suggest", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> suggest(@RequestParam(defaultValue = "") String q) {
        if (q.length() > 200) {
            return ResponseEntity.badRequest().body(Map.of("error", "The text is too long for suggestions (200 characters at most).", "details", List.of()));
        }
        try {
            List<Map<String, Object>> items = search.suggest(q, 8).stream()
                    .map(hit -> Map.<String, Object>of("title", hit.title(), "url", hit.path(), "type", hit.typeLabel())).toList();
            return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(Map.of("items", items));
        } catch (SearchUnavailableException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", e.getMessage(), "details", List.of()));
        }
    }

    private Map<String, Object> context(String q) {
        Map<String, Object> context = new HashMap<>();
        context.put("site", renderer.siteView());
        context.put("page", Map.of("title", "Search", "path", "/search/"));
        context.put("q", q);
        return context;
    }

    private static int parsePage(String page) {
        try {
            return Math.max(1, Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Map<String, Object> view(SearchResults results) {
        Map<String, Object> view = new HashMap<>();
        view.put("total", results.total());
        view.put("page", results.query().page());
        view.put("pages", results.pages());
        view.put("has_previous", results.query().page() > 1);
        view.put("has_next", results.query().page() < results.pages());
        view.put("type", results.query().type());
        view.put("did_you_mean", results.didYouMean());
        view.put("types", results.types().stream().map(t -> Map.of("type", t.type(), "label", t.label(), "count", t.count())).toList());
        view.put("hits", results.hits().stream().map(hit -> Map.of(
                "title", new SafeString(hit.titleHtml()),
                "url", hit.path(),
                "type", hit.type(),
                "type_label", hit.typeLabel(),
                "snippet", new SafeString(hit.snippetHtml()))).toList());
        return view;
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noCache()).body(body);
    }
}
