package dev.floe.site;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.request.ServletWebRequest;

import dev.floe.pages.LivePage;
import dev.floe.pages.LivePages;
import dev.floe.pages.Page;
import dev.floe.pages.PageContent;
import dev.floe.pages.PageRenderer;
import dev.floe.pages.PageTree;
import dev.floe.pages.PageType;
import dev.floe.pages.PageTypes;
import dev.floe.redirects.Redirects;
import dev.floe.templates.HtmlBuffer;
import dev.floe.templates.SurrogateKeys;

/**
 * The public website: a path leads to a live page, a redirect, or the 404 page. Drafts are never shown here.
 */
@Controller
class PublicSite {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final String HTML_UTF8 = HTML.toString();
    private static final String NO_CACHE = CacheControl.noCache().getHeaderValue();

    private final PageTree tree;
    private final LivePages livePages;
    private final PageTypes pageTypes;
    private final PageRenderer renderer;
    private final Redirects redirects;
    private final ResponsePages responsePages;

    PublicSite(PageTree tree, LivePages livePages, PageTypes pageTypes, PageRenderer renderer, Redirects redirects, ResponsePages responsePages) {
        this.tree = tree;
        this.livePages = livePages;
        this.pageTypes = pageTypes;
        this.renderer = renderer;
        this.redirects = redirects;
        this.responsePages = responsePages;
    }

    /**
     * A page's HTML is written here rather than returned: Spring MVC's return value handling (choosing a handler and a
     * converter, copying headers, checking preconditions the ETag filter checks anyway) cost a tenth of a render.
     * Redirects and 404s, which are rarer, return a {@link ResponseEntity}; null means the response is written.
     */
    @RequestMapping(value = "/**", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<?> serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (!path.endsWith("/") && !path.substring(path.lastIndexOf('/')).contains(".")) {
            String withSlash = path + "/";
            if (livePages.find(withSlash).isPresent() || redirects.find(withSlash, request.getQueryString()).isPresent()) {
                return redirect(withSlash + query(request), true);
            }
        }
        Optional<LivePage> found = livePages.find(path);
        if (found.isEmpty()) {
            return redirects.find(path, request.getQueryString())
                    .map(target -> redirect(target.location(), target.permanent()))
                    .orElseGet(() -> notFound(path));
        }
        LivePage page = found.get();
        SurrogateKeys.record("page:" + page.id());
        PageType type = pageTypes.forDisplay(page.type());
        if (type.behaviour() == PageType.Behaviour.REDIRECT) {
            return redirectPage(page);
        }
        HtmlBuffer html = new HtmlBuffer(32 * 1024);
        int listingPage = type.behaviour() == PageType.Behaviour.LISTING ? listingPage(request) : 1;
        renderer.render(page, html, listingPage);
        byte[] body = html.utf8();
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE);
        // With the ETag set here, the ETag filter (ConditionalGet) passes the body straight through.
        if (new ServletWebRequest(request, response).checkNotModified(ConditionalGet.etag(body))) {
            return null;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(HTML_UTF8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return null;
    }

    private ResponseEntity<String> redirectPage(LivePage page) {
        PageContent content = renderer.content(page);
        boolean permanent = Boolean.TRUE.equals(content.fields().get("permanent"));
        Object targetPage = content.fields().get("target_page");
        if (targetPage instanceof Number id) {
            Optional<Page> target = tree.find(id.longValue()).filter(Page::isLive);
            if (target.isPresent()) {
                return redirect(target.get().getPath(), permanent);
            }
        }
        Object url = content.fields().get("target_url");
        if (url instanceof String location) {
            return redirect(location, permanent);
        }
        return notFound(page.path());
    }

    private ResponseEntity<String> notFound(String path) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML).body(responsePages.render(404, path));
    }

    private static ResponseEntity<String> redirect(String location, boolean permanent) {
        return ResponseEntity.status(permanent ? HttpStatus.MOVED_PERMANENTLY : HttpStatus.FOUND)
                .location(URI.create(location)).build();
    }

    private static String query(HttpServletRequest request) {
        return request.getQueryString() == null ? "" : "?" + request.getQueryString();
    }

    private static int listingPage(HttpServletRequest request) {
        String value = request.getParameter("page");
        if (value == null || !value.matches("[0-9]{1,6}")) {
            return 1;
        }
        return Integer.parseInt(value);
    }
}
