package dev.floe.sitemap;

import java.time.ZoneOffset;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.floe.config.FloeSettings;
import dev.floe.pages.PageTree;
import dev.floe.pages.PageType;
import dev.floe.pages.PageTypes;

/**
 * {@code /sitemap.xml}: every live page with its last publication date, as absolute URLs on {@code SITE_DOMAIN}.
 * Past {@code floe.sitemap.max-urls} (50,000, the protocol's limit) it becomes an index of {@code /sitemap-N.xml}.
 */
@Controller
class SitemapController {

    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final PageTree tree;
    private final PageTypes pageTypes;
    private final FloeSettings settings;
    private final int maxUrls;

    SitemapController(PageTree tree, PageTypes pageTypes, FloeSettings settings,
                      @Value("${floe.sitemap.max-urls:50000}") int maxUrls) {
        this.tree = tree;
        this.pageTypes = pageTypes;
        this.settings = settings;
        this.maxUrls = maxUrls;
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap() {
        long live = tree.countLive();
        if (live <= maxUrls) {
            return xml(urlset(0));
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        long parts = (live + maxUrls - 1) / maxUrls;
        for (int i = 1; i <= parts; i++) {
            xml.append("  <sitemap><loc>").append(settings.baseUrl()).append("/sitemap-").append(i).append(".xml</loc></sitemap>\n");
        }
        return xml(xml.append("</sitemapindex>\n").toString());
    }

    @GetMapping("/sitemap-{part:[0-9]+}.xml")
    ResponseEntity<String> part(@PathVariable int part) {
        long parts = (tree.countLive() + maxUrls - 1) / maxUrls;
        if (part < 1 || part > parts || parts <= 1) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("No such sitemap part.");
        }
        return xml(urlset((part - 1) * maxUrls));
    }

    private String urlset(int offset) {
        StringBuilder xml = new StringBuilder(256 + maxUrls * 16)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        int batch = 1000;
        for (int done = 0; done < maxUrls; done += batch) {
            List<PageTree.LivePath> paths = tree.livePaths(offset + done, Math.min(batch, maxUrls - done));
            for (PageTree.LivePath page : paths) {
                boolean redirect = pageTypes.forDisplay(page.type()).behaviour() == PageType.Behaviour.REDIRECT;
                if (redirect) {
                    continue;
                }
                xml.append("  <url><loc>").append(escape(settings.baseUrl() + page.path())).append("</loc>");
                if (page.lastPublishedAt() != null) {
                    xml.append("<lastmod>").append(page.lastPublishedAt().atOffset(ZoneOffset.UTC).toLocalDate()).append("</lastmod>");
                }
                xml.append("</url>\n");
            }
            if (paths.size() < batch) {
                break;
            }
        }
        return xml.append("</urlset>\n").toString();
    }

    private static ResponseEntity<String> xml(String body) {
        return ResponseEntity.ok().contentType(XML).cacheControl(CacheControl.noCache()).body(body);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace("\"", "&quot;");
    }
}
