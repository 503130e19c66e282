package dev.floe.pagecache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.floe.navigation.Menus;
import dev.floe.pages.PagePathsChanged;
import dev.floe.publishing.PagePublished;
import dev.floe.publishing.PageUnpublished;
import dev.floe.sharedcontent.SharedContentChanged;
import dev.floe.templates.SurrogateKeys;

/**
 * Purges the cached responses that show what changed, once the change is committed (a purge before the commit could
 * be refilled from the old state). Only 200 responses are cached, so redirects and the error pages need no keys.
 */
@Component
class PageCacheInvalidation {

    private final PurgeBus bus;

    PageCacheInvalidation(PurgeBus bus) {
        this.bus = bus;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPublished(PagePublished event) {
        bus.purge(List.of("page:" + event.pageId(), SurrogateKeys.TREE, PageCacheFilter.API_KEY));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onUnpublished(PageUnpublished event) {
        // Unpublishing takes the page's descendants off the site too, and the event names only the page.
        bus.purge(List.of(PageCache.ALL));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onMoved(PagePathsChanged event) {
        Set<String> keys = new LinkedHashSet<>();
        event.changes().forEach(change -> keys.add("page:" + change.pageId()));
        keys.add(SurrogateKeys.TREE);
        keys.add(PageCacheFilter.API_KEY);
        bus.purge(keys);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onMenuChanged(Menus.MenuChanged event) {
        bus.purge(List.of("menu:" + event.name(), PageCacheFilter.API_KEY));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onSharedContentChanged(SharedContentChanged event) {
        bus.purge(List.of("shared:" + event.id(), PageCacheFilter.API_KEY));
    }
}
