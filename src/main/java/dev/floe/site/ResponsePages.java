package dev.floe.site;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.floe.blocks.Block;
import dev.floe.blocks.BlockTypes;
import dev.floe.blocks.ContentValidationException;
import dev.floe.blocks.ValidationProblem;
import dev.floe.pages.Author;
import dev.floe.pages.PageContent;
import dev.floe.pages.PageRenderer;
import dev.floe.pages.PageTree;
import dev.floe.templates.Templates;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages shown with a 404 or a 500: editable content (a title and blocks) in the site's error templates. When
 * even the 500 page cannot be rendered, a static page is sent instead, so a visitor never sees a stack trace.
 */
@Service
public class ResponsePages {

    public static final List<Integer> CODES = List.of(404, 500);
    /** The name of a response page's one slot of blocks. */
    public static final String SLOT = "main";
    static final List<String> ACCEPTED_BLOCKS = List.of("text", "heading", "quote", "call_to_action", "page_link");
    static final String STATIC_500 = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Something went wrong</title></head>
            <body><main><h1>Something went wrong</h1><p>Sorry, this page could not be shown. Please try again in a
            moment, or go to the <a href="/">home page</a>.</p></main></body></html>
            """;

    private static final Logger log = LoggerFactory.getLogger(ResponsePages.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ResponsePageRepository pages;
    private final BlockTypes blockTypes;
    private final PageTree tree;
    private final PageRenderer renderer;
    private final Templates templates;
    private final Clock clock;

    ResponsePages(ResponsePageRepository pages, BlockTypes blockTypes, PageTree tree, PageRenderer renderer,
                  Templates templates, Clock clock) {
        this.pages = pages;
        this.blockTypes = blockTypes;
        this.tree = tree;
        this.renderer = renderer;
        this.templates = templates;
        this.clock = clock;
    }

    /** A response page as editors see it. */
    public record View(int code, String title, Map<String, List<Block>> slots, String updatedBy, Instant updatedAt) {
    }

    /** The one slot a response page has, with the block types it accepts, for forms that edit its blocks. */
    public Map<String, List<String>> slots() {
        return Map.of(SLOT, ACCEPTED_BLOCKS);
    }

    @Transactional(readOnly = true)
    public View get(int code) {
        checkCode(code);
        return pages.findById(code).map(page -> {
            PageContent content = JSON.readValue(page.getContent(), PageContent.class);
            return new View(code, content.title(), content.slots(), page.getUpdatedBy(), page.getUpdatedAt());
        }).orElseGet(() -> new View(code, defaultTitle(code), Map.of(SLOT, List.of()), null, null));
    }

    @Transactional
    public View set(int code, String title, Object slots, Author author) {
        checkCode(code);
        List<ValidationProblem> problems = new ArrayList<>();
        if (title == null || title.isBlank() || title.length() > 300) {
            problems.add(ValidationProblem.ofField("title", "a response page needs a title of at most 300 characters"));
        }
        Map<String, List<Block>> cleaned = blockTypes.cleanSlots(Map.of(SLOT, ACCEPTED_BLOCKS), slots, author.permissions(),
                List.of(), tree::exists, problems);
        if (!problems.isEmpty()) {
            throw new ContentValidationException(problems);
        }
        ResponsePage page = pages.findById(code).orElseGet(() -> new ResponsePage(code));
        page.set(JSON.writeValueAsString(new PageContent(title.strip(), "default", Map.of(), cleaned)), author.email(), clock.instant());
        pages.save(page);
        return get(code);
    }

    /** The HTML for a response; for 500 it falls back to a static page if rendering fails in any way. */
    public String render(int code, String path) {
        try {
            View view = get(code);
            Map<String, Object> pageView = new HashMap<>();
            pageView.put("title", view.title());
            pageView.put("fields", Map.of());
            Map<String, Object> context = new HashMap<>();
            context.put("page", pageView);
            context.put("site", renderer.siteView());
            context.put("path", path);
            context.put("status", code);
            context.put("slots", renderer.renderSlots(view.slots(), pageView));
            context.put("has_blocks", view.slots().values().stream().anyMatch(blocks -> !blocks.isEmpty()));
            return templates.render("errors/" + code, context);
        } catch (RuntimeException e) {
            if (code != 500) {
                return render(500, path);
            }
            log.error("The 500 page itself could not be rendered; sent the static fallback", e);
            return STATIC_500;
        }
    }

    private static String defaultTitle(int code) {
        return code == 404 ? "Page not found" : "Something went wrong";
    }

    private static void checkCode(int code) {
        if (!CODES.contains(code)) {
            throw new ContentValidationException(List.of(ValidationProblem.ofField("code",
                    "response pages exist for 404 and 500 only, not " + code)));
        }
    }

}
