package dev.floe.site;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /robots.txt}, as editors set it in the site settings. */
@Controller
class RobotsController {

    private final SiteSettings settings;

    RobotsController(SiteSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(settings.robotsTxt());
    }
}
