package dev.floe.publishing;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.floe.pages.Page;
import dev.floe.pages.PageRenderer;
import dev.floe.pages.PageTree;

/** Shows a page's current draft to whoever holds a valid preview link; anything else gets 403 and nothing more. */
@Controller
class PreviewController {

    private final PreviewLinks links;
    private final PageTree tree;
    private final PageRenderer renderer;

    PreviewController(PreviewLinks links, PageTree tree, PageRenderer renderer) {
        this.links = links;
        this.tree = tree;
        this.renderer = renderer;
    }

    @GetMapping(PreviewLinks.PATH_PREFIX + "{token}/")
    ResponseEntity<String> preview(@PathVariable String token, @RequestParam(name = "page", defaultValue = "1") String listingPage) {
        Page page = links.verify(token).flatMap(tree::find).orElse(null);
        if (page == null) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN)
                    .cacheControl(CacheControl.noStore())
                    .body("This preview link is not valid or has expired. Ask the editor for a new one.");
        }
        int number = listingPage.matches("[0-9]{1,6}") ? Integer.parseInt(listingPage) : 1;
        String html = renderer.render(page, new PageRenderer.Options(true, number));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("Referrer-Policy", "no-referrer")
                .body(html);
    }
}
