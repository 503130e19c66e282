package dev.floe.redirects;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.floe.blocks.SafeUrl;

/** What makes a redirect acceptable: a clean old path, a safe target, and no loop through other redirects. */
final class RedirectRules {

    private RedirectRules() {
    }

    /** A redirect as asked for, before it is stored. */
    record Wanted(String oldPath, Long targetPage, String targetUrl, boolean permanent) {
    }

    /**
     * The path with its final slash (unless its last segment names a file) and its query's parameters in order, so
     * that {@code /news?b=2&a=1} and {@code /news/?a=1&b=2} are one old path, as a visitor's request is looked up.
     */
    static String normalisePath(String path) {
        if (path == null) {
            return null;
        }
        String p = path.strip();
        int query = p.indexOf('?');
        String base = query < 0 ? p : p.substring(0, query);
        if (!base.endsWith("/") && !base.substring(base.lastIndexOf('/') + 1).contains(".")) {
            base = base + "/";
        }
        return query < 0 ? base : withQuery(base, p.substring(query + 1));
    }

    /** The path and the query with its parameters sorted; the path alone when the query is empty. */
    static String withQuery(String path, String query) {
        if (query == null || query.isEmpty()) {
            return path;
        }
        return path + "?" + String.join("&", java.util.Arrays.stream(query.split("&")).filter(p -> !p.isEmpty()).sorted().toList());
    }

    /** Problems with one redirect on its own; empty when it is fine. */
    static List<String> check(Wanted wanted) {
        List<String> problems = new ArrayList<>();
        if (wanted.oldPath() == null || !wanted.oldPath().startsWith("/") || wanted.oldPath().length() > 2048
                || wanted.oldPath().matches(".*[\\s<>\"].*")) {
            problems.add("the old path must start with / and contain no spaces");
        } else if (wanted.oldPath().equals("/")) {
            problems.add("the home page's path / cannot be redirected");
        }
        boolean hasUrl = wanted.targetUrl() != null && !wanted.targetUrl().isBlank();
        if ((wanted.targetPage() == null) == !hasUrl) {
            problems.add("give either a target page or a target URL, not both");
        } else if (hasUrl && !SafeUrl.isAcceptable(wanted.targetUrl())) {
            problems.add("the target must be an http(s) URL or a path starting with /");
        } else if (hasUrl && normalisePath(wanted.targetUrl()).equals(wanted.oldPath())) {
            problems.add("a redirect cannot point at its own path");
        }
        return problems;
    }

    /**
     * Follows path targets through the given redirects (old path to target path) and reports the first loop found,
     * as the chain of paths, or null when there is none.
     */
    static List<String> findLoop(Map<String, String> pathTargets) {
        for (String start : pathTargets.keySet()) {
            List<String> chain = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            String current = start;
            while (current != null) {
                if (!seen.add(current)) {
                    chain.add(current);
                    return chain;
                }
                chain.add(current);
                current = pathTargets.get(current);
            }
        }
        return null;
    }

    static Map<String, String> pathTargets(Iterable<Wanted> redirects) {
        Map<String, String> targets = new HashMap<>();
        for (Wanted w : redirects) {
            if (w.targetUrl() != null && w.targetUrl().startsWith("/")) {
                targets.put(w.oldPath(), normalisePath(w.targetUrl()));
            }
        }
        return targets;
    }
}
