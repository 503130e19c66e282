package dev.floe.redirects;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

    /** A stored redirect as the API shows it. */
    public record View(long id, String oldPath, Long targetPage, String targetUrl, boolean permanent, boolean automatic,
                       java.time.Instant createdAt) {
    }

    /** A page of redirects, by old path. */
    public record Listing(List<View> items, long total) {
    }

    @Transactional(readOnly = true)
    public Listing list(int offset, int limit) {
        var page = redirects.findAllByOrderByOldPath(new PageTree.OffsetPage(offset, limit));
        return new Listing(page.getContent().stream().map(Redirects::view).toList(), page.getTotalElements());
    }

    /** Redirects whose old path or target URL contains {@code text} (ignoring case); all of them when it is blank. */
    @Transactional(readOnly = true)
    public Listing search(String text, int offset, int limit) {
        if (text == null || text.isBlank()) {
            return list(offset, limit);
        }
        String pattern = "%" + text.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        var page = redirects.search(pattern, new PageTree.OffsetPage(offset, limit));
        return new Listing(page.getContent().stream().map(Redirects::view).toList(), page.getTotalElements());
    }

    /**
     * Writes every redirect as CSV in the form {@link #importCsv} reads ({@code old_path,target,status}, with a header
     * row), so an export can be edited and imported again.
     */
    @Transactional(readOnly = true)
    public void exportCsv(Appendable out) throws java.io.IOException {
        // Not closed: closing the printer would close the caller's writer.
        var printer = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader("old_path", "target", "status").get().print(out);
        for (Redirect r : redirects.findAllByOrderByOldPath()) {
            printer.printRecord(r.getOldPath(), r.getTargetPageId() != null ? "page:" + r.getTargetPageId() : r.getTargetUrl(),
                    r.isPermanent() ? "301" : "302");
        }
        printer.flush();
    }

    @Transactional(readOnly = true)
    public View get(long id) {
        return view(redirects.findById(id).orElseThrow(() -> new RedirectNotFoundException(id)));
    }

    @Transactional
    public View create(String oldPath, Long targetPage, String targetUrl, boolean permanent) {
        RedirectRules.Wanted wanted = wanted(oldPath, targetPage, targetUrl, permanent);
        checkAll(List.of(wanted), null);
        if (redirects.findByOldPath(wanted.oldPath()).isPresent()) {
            throw new RedirectException("A redirect from " + wanted.oldPath() + " already exists; change that one instead.", List.of());
        }
        return view(redirects.saveAndFlush(new Redirect(wanted.oldPath(), wanted.targetPage(), wanted.targetUrl(),
                wanted.permanent(), false, clock.instant())));
    }

    @Transactional
    public View update(long id, Long targetPage, String targetUrl, boolean permanent) {
        Redirect redirect = redirects.findById(id).orElseThrow(() -> new RedirectNotFoundException(id));
        RedirectRules.Wanted wanted = wanted(redirect.getOldPath(), targetPage, targetUrl, permanent);
        checkAll(List.of(wanted), id);
        redirect.change(wanted.targetPage(), wanted.targetUrl(), wanted.permanent());
        return view(redirects.saveAndFlush(redirect));
    }

    @Transactional
    public void delete(long id) {
        redirects.delete(redirects.findById(id).orElseThrow(() -> new RedirectNotFoundException(id)));
    }

    /**
     * Imports redirects from CSV ({@code old_path,target,status}; target is a URL, a path or {@code page:ID}; status
     * 301 or 302, 301 when empty; a header row is optional). Every row is checked first: with any bad row, nothing is
     * imported and the problems name their line numbers. Rows for an existing old path replace it.
     */
    @Transactional
    public int importCsv(java.io.Reader csv) {
        List<String> problems = new ArrayList<>();
        List<RedirectRules.Wanted> rows = new ArrayList<>();
        java.util.Map<String, Long> lineOfPath = new java.util.HashMap<>();
        try {
            var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get().parse(csv);
            for (var record : parser) {
                long line = record.getRecordNumber();
                if (line == 1 && record.size() > 0 && record.get(0).equalsIgnoreCase("old_path")) {
                    continue;
                }
                if (record.size() < 2 || record.size() > 3) {
                    problems.add("line " + line + ": expected old_path,target[,status] but found " + record.size() + " columns");
                    continue;
                }
                String status = record.size() == 3 ? record.get(2) : "";
                if (!status.isEmpty() && !status.equals("301") && !status.equals("302")) {
                    problems.add("line " + line + ": status must be 301 or 302, not '" + status + "'");
                    continue;
                }
                String target = record.get(1);
                Long page = null;
                String url = target;
                if (target.startsWith("page:")) {
                    try {
                        page = Long.parseLong(target.substring(5));
                        url = null;
                    } catch (NumberFormatException e) {
                        problems.add("line " + line + ": '" + target + "' is not page:ID");
                        continue;
                    }
                }
                RedirectRules.Wanted wanted = wanted(record.get(0), page, url, !status.equals("302"));
                for (String problem : rowProblems(wanted)) {
                    problems.add("line " + line + ": " + problem);
                }
                Long earlier = lineOfPath.put(wanted.oldPath(), line);
                if (earlier != null) {
                    problems.add("line " + line + ": " + wanted.oldPath() + " is already redirected on line " + earlier);
                }
                rows.add(wanted);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new RedirectException(unreadable(e), List.of());
        }
        if (problems.isEmpty()) {
            List<String> loop = loopWith(rows, null);
            if (loop != null) {
                problems.add("the file would make a redirect loop: " + String.join(" -> ", loop));
            }
        }
        if (!problems.isEmpty()) {
            throw new RedirectException("Nothing was imported: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + " in the file, first " + problems.getFirst() + ".", problems);
        }
        for (RedirectRules.Wanted wanted : rows) {
            redirects.findByOldPath(wanted.oldPath()).ifPresentOrElse(
                    existing -> existing.change(wanted.targetPage(), wanted.targetUrl(), wanted.permanent()),
                    () -> redirects.save(new Redirect(wanted.oldPath(), wanted.targetPage(), wanted.targetUrl(),
                            wanted.permanent(), false, clock.instant())));
        }
        redirects.flush();
        return rows.size();
    }

    /** Why the file could not be read, in words: not Java's exception names. */
    private static String unreadable(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.nio.charset.CharacterCodingException) {
                return "The file is not UTF-8 text; save it as UTF-8 (\"CSV UTF-8\" in spreadsheet programs) and import it again.";
            }
        }
        String reason = e.getCause() != null && e instanceof java.io.UncheckedIOException ? e.getCause().getMessage() : e.getMessage();
        return "The file is not readable CSV: " + (reason == null ? e.getClass().getSimpleName() : reason);
    }

    private static RedirectRules.Wanted wanted(String oldPath, Long targetPage, String targetUrl, boolean permanent) {
        String url = targetUrl == null || targetUrl.isBlank() ? null : targetUrl.strip();
        return new RedirectRules.Wanted(RedirectRules.normalisePath(oldPath), targetPage, url, permanent);
    }

    private List<String> rowProblems(RedirectRules.Wanted wanted) {
        List<String> problems = new ArrayList<>(RedirectRules.check(wanted));
        if (problems.isEmpty() && wanted.targetPage() != null && !tree.exists(wanted.targetPage())) {
            problems.add("page " + wanted.targetPage() + " does not exist");
        }
        return problems;
    }

    private void checkAll(List<RedirectRules.Wanted> wanted, Long replacing) {
        List<String> problems = new ArrayList<>();
        wanted.forEach(w -> problems.addAll(rowProblems(w)));
        if (problems.isEmpty()) {
            List<String> loop = loopWith(wanted, replacing);
            if (loop != null) {
                problems.add("this would make a redirect loop: " + String.join(" -> ", loop));
            }
        }
        if (!problems.isEmpty()) {
            throw new RedirectException("The redirect is not valid: " + problems.getFirst() + ".", problems);
        }
    }

    /** A loop the stored redirects would form with these added (replacing the one with id {@code replacing}). */
    private List<String> loopWith(List<RedirectRules.Wanted> added, Long replacing) {
        List<RedirectRules.Wanted> all = new ArrayList<>();
        for (Redirect r : redirects.findAll()) {
            if (!r.getId().equals(replacing)) {
                all.add(new RedirectRules.Wanted(r.getOldPath(), r.getTargetPageId(), r.getTargetUrl(), r.isPermanent()));
            }
        }
        java.util.Set<String> addedPaths = new java.util.HashSet<>();
        added.forEach(a -> addedPaths.add(a.oldPath()));
        all.removeIf(r -> addedPaths.contains(r.oldPath()));
        all.addAll(added);
        return RedirectRules.findLoop(RedirectRules.pathTargets(all));
    }

    private static View view(Redirect r) {
        return new View(r.getId(), r.getOldPath(), r.getTargetPageId(), r.getTargetUrl(), r.isPermanent(), r.isAutomatic(), r.getCreatedAt());
    }

    /**
     * Where a request for {@code path} with {@code query} (null for none) goes: a redirect of that path and query
     * first, as Wagtail looks them up, then one of the path alone.
     */
    @Transactional(readOnly = true)
    public Optional<Target> find(String path, String query) {
        String withQuery = RedirectRules.withQuery(path, query);
        return (withQuery.equals(path) ? Optional.<Target>empty() : find(withQuery)).or(() -> find(path));
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
