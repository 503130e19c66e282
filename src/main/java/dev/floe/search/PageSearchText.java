package dev.floe.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import dev.floe.blocks.Block;
import dev.floe.pages.Page;
import dev.floe.pages.PageContent;
import dev.floe.pages.PageRenderer;

/**
 * The words of a page as a reader meets them: its blocks rendered through their templates with the markup
 * stripped (blocks that list other pages list none: those are found by their own words), its SEO fields and its
 * boosted search terms.
 */
final class PageSearchText {

    /** The page field where editors list extra terms the page should be found by. */
    static final String BOOST_TERMS_FIELD = "search_boost_terms";

    private static final Logger log = LoggerFactory.getLogger(PageSearchText.class);

    private final ObjectProvider<PageRenderer> renderer;

    PageSearchText(ObjectProvider<PageRenderer> renderer) {
        this.renderer = renderer;
    }

    record Text(String title, String body, String seo, String boostTerms) {
    }

    Text of(Page page, boolean draft) {
        PageRenderer pages = renderer.getObject();
        PageContent content = pages.content(page, draft);
        String title = content.title() != null ? content.title() : draft ? page.getTitle() : page.getLiveTitle();
        String intro = stripHtml(string(content.fields().get("intro")));
        String summary = string(content.fields().get("summary"));
        String body = join(intro, summary, blocksText(pages, page, content, title));
        String seo = join(string(content.fields().get("seo_title")), string(content.fields().get("seo_description")));
        return new Text(title, body, seo, string(content.fields().get(BOOST_TERMS_FIELD)));
    }

    private static String blocksText(PageRenderer pages, Page page, PageContent content, String title) {
        Map<String, Object> pageView = new HashMap<>();
        pageView.put("id", page.getId());
        pageView.put("title", title);
        pageView.put("path", page.getPath());
        pageView.put("type", page.getType());
        pageView.put("fields", content.fields());
        try {
            return pages.renderSlotsForSearch(content.slots(), pageView).values().stream()
                    .map(html -> stripHtml(html.toString())).collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            // A block that cannot render must not keep the page out of the index: index the words its values hold.
            log.warn("Rendering page {} for the search index failed ({}); indexing its block values instead", page.getId(), e.toString());
            return content.slots().values().stream().flatMap(List::stream).map(Block::value)
                    .flatMap(PageSearchText::strings).map(PageSearchText::stripHtml).collect(Collectors.joining("\n"));
        }
    }

    private static Stream<String> strings(Object value) {
        return switch (value) {
            case String s -> Stream.of(s);
            case Map<?, ?> map -> map.values().stream().flatMap(PageSearchText::strings);
            case List<?> list -> list.stream().flatMap(PageSearchText::strings);
            case null, default -> Stream.empty();
        };
    }

    /** The text of an HTML fragment with tags, comments and scripts removed and entities decoded. */
    static String stripHtml(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(html.length());
        try (Reader reader = new HTMLStripCharFilter(new StringReader(html))) {
            char[] buffer = new char[4096];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().replaceAll("\\s+", " ").trim();
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    private static String join(String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).filter(s -> !s.isBlank()).collect(Collectors.joining("\n"));
    }
}
