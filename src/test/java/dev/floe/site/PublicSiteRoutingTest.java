package dev.floe.site;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

class PublicSiteRoutingTest extends FloeIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theShortcutIsOnAndKnowsEveryOtherRoutesFirstSegment() {
        assertThat(mapping).isInstanceOf(PublicSiteRouting.Mapping.class);
        PublicSiteRouting.Shortcut shortcut = PublicSiteRouting.Shortcut.of(mapping.getHandlerMethods());

        assertThat(shortcut).as("no route's first segment is a pattern: %s", mapping.getHandlerMethods().keySet().stream()
                .flatMap(route -> route.getPatternValues().stream())
                .filter(pattern -> pattern.isEmpty() || pattern.split("/", 3).length < 2 || pattern.split("/", 3)[1].matches(".*[{*?].*"))
                .toList()).isNotNull();
        assertThat(shortcut.handler().getBeanType()).isEqualTo(PublicSite.class);
        assertThat(shortcut.claimedSegments()).contains("admin", "api", "media", "static", "search", "sitemap.xml", "robots.txt")
                .doesNotContain("news", "");
        assertThat(shortcut.claimedPrefixes()).containsExactly("sitemap-");
    }

    @Test
    void pagesAndEveryOtherRouteAnswerAsBefore() {
        Pages pages = new Pages(api);
        String slug = unique("routed");
        long id = pages.createUnderHome(slug, "Routed", textBlock("<p>Straight to the site</p>")).get("id").asLong();
        pages.publish(id);

        assertThat(anonymous.get("/" + slug + "/").body()).contains("Straight to the site");
        assertThat(anonymous.get("/" + slug).status()).isEqualTo(301);
        assertThat(anonymous.get("/" + slug + "/nothing-here/").status()).isEqualTo(404);
        assertThat(anonymous.get("/").status()).isEqualTo(200);
        assertThat(anonymous.get("/robots.txt").header("Content-Type")).startsWith("text/plain");
        assertThat(anonymous.get("/sitemap.xml").status()).isEqualTo(200);
        // With fewer pages than a part holds, the sitemap's own 404 in plain text, not the site's page.
        assertThat(anonymous.get("/sitemap-1.xml").body()).isEqualTo("No such sitemap part.");
        assertThat(anonymous.get("/api/v2/pages/" + id + "/").json().get("id").asLong()).isEqualTo(id);
        assertThat(anonymous.get("/admin/").status()).isEqualTo(302);
        // Not a GET: routed the usual way, which has no POST for the public site.
        assertThat(anonymous.sendRaw("POST", "/" + slug + "/", "text/plain", "x").status()).isIn(403, 405);
        // An encoded first segment is left to the routes, which compare segments decoded.
        assertThat(anonymous.get("/%61pi/v2/pages/" + id + "/").status()).isNotEqualTo(500);
    }

    @Test
    void aRouteWhoseFirstSegmentIsAPatternOrAnyPathTurnsTheShortcutOff() throws Exception {
        Method serve = PublicSite.class.getDeclaredMethod("serve", HttpServletRequest.class, HttpServletResponse.class);
        HandlerMethod site = new HandlerMethod(new PublicSite(null, null, null, null, null, null), serve);
        HandlerMethod controller = new HandlerMethod(new Object(), Object.class.getMethod("toString"));
        RequestMappingInfo siteRoute = RequestMappingInfo.paths("/**").methods(RequestMethod.GET).build();

        assertThat(PublicSiteRouting.Shortcut.of(Map.of(siteRoute, site,
                RequestMappingInfo.paths("/admin/{id}").build(), controller)).claimedSegments()).containsExactly("admin");
        assertThat(PublicSiteRouting.Shortcut.of(Map.of(siteRoute, site,
                RequestMappingInfo.paths("/feed-{part}.xml").build(), controller)).claimedPrefixes()).containsExactly("feed-");
        assertThat(PublicSiteRouting.Shortcut.of(Map.of(siteRoute, site,
                RequestMappingInfo.paths("/{lang}/about").build(), controller))).isNull();
        assertThat(PublicSiteRouting.Shortcut.of(Map.of(siteRoute, site,
                RequestMappingInfo.paths("/**/feed").build(), controller))).isNull();
        assertThat(PublicSiteRouting.Shortcut.of(Map.of(siteRoute, site,
                RequestMappingInfo.paths().build(), controller))).isNull();
        assertThat(PublicSiteRouting.Shortcut.of(Map.of(RequestMappingInfo.paths("/admin").build(), controller))).isNull();
    }
}
