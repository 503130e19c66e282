package dev.floe.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A bounded, least-recently-used memory of parsed live content, keyed by revision id (revisions never change). */
final class ParsedRevisions {

    private final ContentCodec codec;
    private final Map<Long, PageContent> parsed;

    ParsedRevisions(ContentCodec codec, int capacity) {
        this.codec = codec;
        this.parsed = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, PageContent> eldest) {
                return size() > capacity;
            }
        };
    }

    PageContent get(long revisionId, String json) {
        return get(revisionId, () -> json);
    }

    /** The parsed content of a revision, reading its JSON only when it is not in memory. */
    PageContent get(long revisionId, Supplier<String> json) {
        synchronized (parsed) {
            PageContent content = parsed.get(revisionId);
            if (content != null) {
                return content;
            }
        }
        PageContent content = codec.read(json.get());
        synchronized (parsed) {
            parsed.put(revisionId, content);
        }
        return content;
    }
}
