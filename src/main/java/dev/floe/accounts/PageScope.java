package dev.floe.accounts;

import java.util.List;

/**
 * The pages on which a user may take one action: the subtrees under {@code roots} (page paths such as
 * {@code /news/}), or every page. Filter a query with {@code path LIKE root || '%'} for each root, or test one page
 * with {@link #includes(String)}.
 */
public record PageScope(boolean everything, List<String> roots) {

    public static final PageScope NONE = new PageScope(false, List.of());
    public static final PageScope ALL = new PageScope(true, List.of("/"));

    public PageScope {
        roots = List.copyOf(roots);
    }

    public boolean includes(String path) {
        if (everything) {
            return true;
        }
        for (String root : roots) {
            if (path.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return !everything && roots.isEmpty();
    }
}
