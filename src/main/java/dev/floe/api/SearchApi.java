package dev.floe.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.floe.accounts.FloeUser;
import dev.floe.search.SearchQuery;
import dev.floe.search.SearchResults;
import dev.floe.search.SearchUnavailableException;
import dev.floe.search.SiteSearch;

/**
 * {@code /api/v2/search/?q=}: full-text search over live pages for anyone; {@code drafts=true} with a token searches
 * editors' drafts (every page, published or not) instead.
 */
@RestController
@RequestMapping(value = "/api/v2/search", produces = MediaType.APPLICATION_JSON_VALUE)
class SearchApi {

    private final SiteSearch search;

    SearchApi(SiteSearch search) {
        this.search = search;
    }

    @GetMapping("/")
    Map<String, Object> search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String type,
                               @RequestParam(defaultValue = "1") String page,
                               @RequestParam(name = "per_page", defaultValue = "10") String perPage,
                               @RequestParam(defaultValue = "false") String drafts,
                               @AuthenticationPrincipal FloeUser user) {
        boolean inDrafts = switch (drafts) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ApiException(HttpStatus.BAD_REQUEST, "drafts must be true or false.");
        };
        if (inDrafts && user == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Searching drafts needs an API token: send 'Authorization: Bearer <token>'.");
        }
        SearchQuery query;
        try {
            query = new SearchQuery(q, type, number("page", page), number("per_page", perPage), inDrafts);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The search is not valid: " + e.getMessage() + ".");
        }
        SearchResults results;
        try {
            results = search.search(query);
        } catch (SearchUnavailableException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
        List<Map<String, Object>> items = results.hits().stream().map(SearchApi::hit).toList();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("total", results.total());
        meta.put("page", query.page());
        meta.put("pages", results.pages());
        meta.put("types", results.types().stream().map(t -> Map.of("type", t.type(), "label", t.label(), "count", t.count())).toList());
        meta.put("did_you_mean", results.didYouMean());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("meta", meta);
        return body;
    }

    private static Map<String, Object> hit(SearchResults.Hit hit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", hit.id());
        out.put("title", hit.title());
        out.put("path", hit.path());
        out.put("type", hit.type());
        out.put("type_label", hit.typeLabel());
        out.put("highlighted_title", hit.titleHtml());
        out.put("snippet", hit.snippetHtml());
        out.put("live", hit.live());
        return out;
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, name + " must be a whole number, not '" + value + "'.");
        }
    }
}
