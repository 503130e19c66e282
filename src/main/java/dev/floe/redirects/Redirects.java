package dev.floe.redirects;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.floe.pages.Page;
import dev.floe.pages.PagePathsChanged;
import dev.floe.pages.PageTree;

/** Finds where an old path now leads, and leaves a redirect behind whenever a live page moves. */
@Service
public class Redirects {

    private final RedirectRepository redirects;
    private final PageTree tree;
    private final Clock clock;

    Redirects(RedirectRepository redirects, PageTree tree, Clock clock) {
        this.redirects = redirects;
        this.tree = tree;
        this.clock = clock;
    }

    /** Where a visitor to {@code path} should be sent, and whether the move is permanent. */
    public record Target(String location, boolean permanent) {
    }

    @Transactional(readOnly = true)
    public Optional<Target> find(String path) {
        return redirects.findByOldPath(path).flatMap(redirect -> {
            if (redirect.getTargetPageId() != null) {
                return tree.find(redirect.getTargetPageId()).filter(Page::isLive)
                        .map(page -> new Target(page.getPath(), redirect.isPermanent()));
            }
            return Optional.of(new Target(redirect.getTargetUrl(), redirect.isPermanent()));
        });
    }

    /** Runs inside the transaction that moved the pages, so the redirects exist exactly when the new paths do. */
    @EventListener
    @Transactional
    public void onPathsChanged(PagePathsChanged event) {
        for (PagePathsChanged.PathChange change : event.changes()) {
            redirects.deleteByOldPath(change.newPath());
        }
        redirects.flush();
        for (PagePathsChanged.PathChange change : event.changes()) {
            if (!change.wasLive()) {
                continue;
            }
            redirects.findByOldPath(change.oldPath()).ifPresentOrElse(
                    existing -> existing.pointAt(change.pageId()),
                    () -> redirects.save(new Redirect(change.oldPath(), change.pageId(), null, true, true, clock.instant())));
        }
    }
}
