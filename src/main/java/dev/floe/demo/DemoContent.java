package dev.floe.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.floe.pages.Author;
import dev.floe.pages.DraftInput;
import dev.floe.pages.Page;
import dev.floe.pages.PageEditor;
import dev.floe.pages.PageTree;
import dev.floe.publishing.Publisher;

/** The demo site `floe demo` loads into an empty site: every built-in page type with real-looking content. */
@Service
public class DemoContent {

    private static final Author DEMO = new Author("demo@floe.dev", Set.of("raw_html"));
    private static final String[] TOPICS = {"harbour", "archive", "exhibition", "garden", "library", "workshop",
            "lecture", "festival", "collection", "studio", "gallery", "tour"};

    private final PageTree tree;
    private final PageEditor editor;
    private final Publisher publisher;

    DemoContent(PageTree tree, PageEditor editor, Publisher publisher) {
        this.tree = tree;
        this.editor = editor;
        this.publisher = publisher;
    }

    /** Loads the demo once: only when the home page has no children yet, so editors' changes survive restarts. */
    @Transactional
    public boolean loadIfEmpty() {
        Page home = tree.home();
        if (!tree.children(home.getId()).isEmpty()) {
            return false;
        }
        editor.saveDraft(home.getId(), home.getDraftVersion(), new DraftInput("Welcome to Floe", null, null,
                Map.of("intro", "<p>A demo site: pages made of blocks, a news listing, and drafts kept apart from what is live.</p>"),
                Map.of("main", List.of(
                        text("<p>Everything you see here was written through the content API and published by the demo loader.</p>"),
                        Map.of("type", "call_to_action", "value", Map.of("title", "Read the news", "text",
                                "Sixty articles would be better; here are a dozen.", "button_label", "Latest news", "url", "/news/"))))),
                DEMO);
        publisher.publish(home.getId(), null, DEMO);

        Page about = editor.create(home.getId(), "layout_page", new DraftInput("About us", "about", null,
                Map.of("intro", "<p>Who we are and what we do.</p>", "seo_description", "About the Floe demo organisation."),
                Map.of("main", List.of(
                        Map.of("type", "heading", "value", Map.of("text", "Our history", "level", "h2")),
                        text("<p>Founded by a small team of editors who wanted a CMS that is fast and safe to release.</p>"),
                        Map.of("type", "quote", "value", Map.of("text", "Publishing should be boring in the best way.",
                                "attribution", "The editors")),
                        Map.of("type", "horizontal_rule", "value", Map.of()),
                        Map.of("type", "faq", "value", Map.of("title", "Questions", "items", List.of(
                                Map.of("question", "Can I preview a draft?", "answer", "<p>Yes, with a signed preview link.</p>"),
                                Map.of("question", "Can I undo a change?", "answer", "<p>Every save is a revision you can restore.</p>"))))))),
                DEMO);
        publisher.publish(about.getId(), null, DEMO);

        Page news = editor.create(home.getId(), "listing_page", new DraftInput("News", "news", null,
                Map.of("intro", "<p>Stories from around the organisation.</p>"), null), DEMO);
        publisher.publish(news.getId(), null, DEMO);
        LocalDate date = LocalDate.of(2026, 11, 1);
        for (int i = 0; i < 12; i++) {
            String topic = TOPICS[i % TOPICS.length];
            Page article = editor.create(news.getId(), "article", new DraftInput(
                    "Restoring the " + topic + " " + (i + 1), "restoring-the-" + topic + "-" + (i + 1), null,
                    Map.of("date", date.minusDays(i * 3L).toString(), "summary", "What we learned restoring the " + topic + ".",
                            "author", "Demo Editor"),
                    Map.of("main", articleBody(topic))), DEMO);
            publisher.publish(article.getId(), null, DEMO);
        }

        Page contact = editor.create(home.getId(), "layout_page", new DraftInput("Contact", "contact", null,
                Map.of("intro", "<p>How to reach us.</p>"),
                Map.of("main", List.of(text("<p>Write to <a href=\"mailto:hello@example.com\">hello@example.com</a>.</p>"),
                        Map.of("type", "page_link", "value", Map.of("page", about.getId(), "label", "More about us"))))),
                DEMO);
        publisher.publish(contact.getId(), null, DEMO);
        return true;
    }

    private static List<Map<String, Object>> articleBody(String topic) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(text("<p>The " + topic + " project began with a survey of what was left and what could be saved.</p>"));
        blocks.add(Map.of("type", "heading", "value", Map.of("text", "What we found", "level", "h2")));
        blocks.add(text("<p>Most of the original structure was sound; the <strong>fittings</strong> were not.</p><ul><li>Timber</li><li>Iron</li><li>Glass</li></ul>"));
        blocks.add(Map.of("type", "quote", "value", Map.of("text", "It took patience more than money.", "attribution", "Project lead")));
        blocks.add(text("<p>Work continues through the season; visitors are welcome on open days.</p>"));
        return blocks;
    }

    private static Map<String, Object> text(String html) {
        return Map.of("type", "text", "value", Map.of("html", html));
    }
}
