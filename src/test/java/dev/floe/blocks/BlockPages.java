package dev.floe.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.floe.support.Api;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

/** Pages made to hold blocks under test, and what visitors see of them once published. */
public final class BlockPages {

    private final Api api;
    private final Api anonymous;
    private final Pages pages;

    public BlockPages(Api api, Api anonymous) {
        this.api = api;
        this.anonymous = anonymous;
        this.pages = new Pages(api);
    }

    public static Map<String, Object> block(String type, Map<String, ?> value) {
        return Map.of("type", type, "value", value);
    }

    /** A value with some fields left out (Map.of takes no nulls). */
    public static Map<String, Object> value(Object... keysAndValues) {
        Map<String, Object> value = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            value.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return value;
    }

    /** Asks to create a page holding {@code blocks}, as a client would, and returns the answer. */
    public Api.Response tryCreate(long parent, Object... blocks) {
        return api.post("/api/v2/pages/", Map.of("parent", parent, "type", "layout_page", "title", "Blocks",
                "slug", unique("blocks"), "slots", Map.of("main", List.of(blocks))));
    }

    public Api.Response tryCreate(Object... blocks) {
        return tryCreate(pages.homeId(), blocks);
    }

    /** Publishes a new page holding {@code blocks} and returns the main part of its public HTML. */
    public String publish(Object... blocks) {
        return main(publishPage(blocks).html());
    }

    /** A published page: its id, path, stored content and public HTML. */
    public record Published(long id, String path, JsonNode stored, String html) {
    }

    public Published publishPage(Object... blocks) {
        Api.Response created = tryCreate(blocks);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        pages.publish(id);
        String path = created.json().get("path").asString();
        Api.Response shown = anonymous.get(path);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        return new Published(id, path, created.json(), shown.body());
    }

    /** What the page's layout holds inside {@code <main>}: the title and the blocks. */
    public static String main(String html) {
        int start = html.indexOf("<main");
        int end = html.indexOf("</main>");
        assertThat(start).as(html).isNotNegative();
        return html.substring(start, end + "</main>".length());
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Pages pages() {
        return pages;
    }
}
