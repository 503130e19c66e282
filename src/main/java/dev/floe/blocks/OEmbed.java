package dev.floe.blocks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.floe.config.SecretKey;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an oEmbed provider said about an address, reduced to what a page needs: a player ({@code video} and
 * {@code rich}, shown in an iframe from the provider's own host) or a picture ({@code photo}). Stored in the block
 * with a signature, so that saving the block again keeps it without fetching, and a client cannot forge it.
 */
record OEmbed(String provider, String kind, String title, String src, Integer width, Integer height) {

    private static final String PURPOSE = "oembed";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    Map<String, Object> signed(String url, SecretKey key) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("provider", provider);
        map.put("kind", kind);
        map.put("title", title);
        map.put("src", src);
        map.put("width", width);
        map.put("height", height);
        map.put("signature", key.sign(PURPOSE, canonical(url)));
        return map;
    }

    /** The embed stored in a block, if {@code stored} is one this site signed for {@code url}. */
    static Optional<OEmbed> verified(Object stored, String url, SecretKey key) {
        if (!(stored instanceof Map<?, ?> map) || !(map.get("signature") instanceof String signature)) {
            return Optional.empty();
        }
        OEmbed embed = new OEmbed(text(map.get("provider")), text(map.get("kind")), text(map.get("title")),
                text(map.get("src")), whole(map.get("width")), whole(map.get("height")));
        return key.verify(PURPOSE, embed.canonical(url), signature) ? Optional.of(embed) : Optional.empty();
    }

    private String canonical(String url) {
        return JSON.writeValueAsString(Arrays.asList(url, provider, kind, title, src, width, height));
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }

    private static Integer whole(Object value) {
        return value instanceof Integer number ? number : null;
    }
}
