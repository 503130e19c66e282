package dev.floe.navigation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.floe.blocks.SafeUrl;
import dev.floe.pages.Author;
import dev.floe.pages.Page;
import dev.floe.pages.PagePathsChanged;
import dev.floe.pages.PageTree;
import dev.floe.publishing.PagePublished;
import dev.floe.publishing.PageUnpublished;
import dev.floe.templates.ChangedElsewhere;

/**
 * Named menus of page links and external links, nested one level. What templates show is kept in memory and
 * dropped whenever a menu, or a page a menu might show, changes.
 */
@Service
public class Menus {

    private static final int MAX_ITEMS = 200;
    private static final int MAX_LABEL = 200;

    private final MenuRepository menus;
    private final MenuItemRepository items;
    private final PageTree tree;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<String, Resolved> rendered = new ConcurrentHashMap<>();
    // Bumped on every change, so a menu resolved from data older than the change is never kept.
    private final AtomicLong generation = new AtomicLong();

    Menus(MenuRepository menus, MenuItemRepository items, PageTree tree, Clock clock, ApplicationEventPublisher events) {
        this.menus = menus;
        this.items = items;
        this.tree = tree;
        this.clock = clock;
        this.events = events;
    }

    private record Resolved(long generation, List<Link> links) {
    }

    /** A menu as editors define it. */
    public record Definition(String name, String label, List<Item> items, String updatedBy, java.time.Instant updatedAt) {
    }

    /** One item as editors define it: a page id or a URL, and (at the top level only) children. */
    public record Item(String label, Long page, String url, List<Item> children) {
        public Item {
            children = children == null ? List.of() : List.copyOf(children);
        }
    }

    /** One item as visitors see it: a label and where it leads. */
    public record Link(String label, String url, List<Link> children) {
    }

    @Transactional(readOnly = true)
    public List<Definition> all() {
        return menus.findAllByOrderByName().stream().map(this::definition).toList();
    }

    @Transactional(readOnly = true)
    public Definition get(String name) {
        return definition(menus.findByName(name).orElseThrow(() -> new MenuNotFoundException(name)));
    }

    /** Creates or replaces a menu with exactly these items. */
    @Transactional
    public Definition replace(String name, String label, List<Item> newItems, Author author) {
        List<String> problems = new ArrayList<>();
        if (name == null || !name.matches("[a-z][a-z0-9_-]{0,99}")) {
            problems.add("the menu name must be lower-case letters, digits, - and _ (such as 'main')");
        }
        String menuLabel = label == null || label.isBlank() ? name : label.strip();
        if (menuLabel != null && menuLabel.length() > MAX_LABEL) {
            problems.add("the menu label is longer than " + MAX_LABEL + " characters");
        }
        checkItems(newItems == null ? List.of() : newItems, "items", true, problems);
        if (countItems(newItems) > MAX_ITEMS) {
            problems.add("a menu holds at most " + MAX_ITEMS + " items");
        }
        if (!problems.isEmpty()) {
            throw new MenuException("The menu is not valid: " + problems.getFirst() + (problems.size() > 1
                    ? " (and " + (problems.size() - 1) + " more, see details)." : "."), problems);
        }
        Menu menu = menus.findByName(name).orElseGet(() -> new Menu(name));
        menu.update(menuLabel, author.email(), clock.instant());
        menu = menus.saveAndFlush(menu);
        items.deleteChildren(menu.getId());
        items.deleteAllOfMenu(menu.getId());
        int position = 0;
        for (Item item : newItems == null ? List.<Item>of() : newItems) {
            MenuItem saved = items.save(new MenuItem(menu.getId(), null, position++, item.label().strip(), item.page(), blankToNull(item.url())));
            int childPosition = 0;
            for (Item child : item.children()) {
                items.save(new MenuItem(menu.getId(), saved.getId(), childPosition++, child.label().strip(), child.page(), blankToNull(child.url())));
            }
        }
        items.flush();
        events.publishEvent(new MenuChanged(name));
        return definition(menu);
    }

    @Transactional
    public void delete(String name) {
        Menu menu = menus.findByName(name).orElseThrow(() -> new MenuNotFoundException(name));
        items.deleteChildren(menu.getId());
        items.deleteAllOfMenu(menu.getId());
        menus.delete(menu);
        events.publishEvent(new MenuChanged(name));
    }

    /** The links visitors see in a menu: items linking to unpublished pages are left out. Empty for an unknown menu. */
    public List<Link> links(String name) {
        long current = generation.get();
        Resolved cached = rendered.get(name);
        if (cached != null && cached.generation() == current) {
            return cached.links();
        }
        List<Link> links = resolve(name);
        if (generation.get() == current) {
            rendered.put(name, new Resolved(current, links));
        }
        return links;
    }

    @TransactionalEventListener
    void onMenuChanged(MenuChanged event) {
        forget();
    }

    @TransactionalEventListener
    void onPublished(PagePublished event) {
        forget();
    }

    @TransactionalEventListener
    void onUnpublished(PageUnpublished event) {
        forget();
    }

    @TransactionalEventListener
    void onMoved(PagePathsChanged event) {
        forget();
    }

    @EventListener
    void onChangedElsewhere(ChangedElsewhere event) {
        forget();
    }

    private void forget() {
        generation.incrementAndGet();
        rendered.clear();
    }

    /** Announced when a menu is replaced or deleted. */
    public record MenuChanged(String name) {
    }

    private List<Link> resolve(String name) {
        return menus.findByName(name).map(menu -> {
            List<MenuItem> all = items.findByMenu(menu.getId());
            Set<Long> pageIds = new HashSet<>();
            all.forEach(i -> {
                if (i.getPageId() != null) {
                    pageIds.add(i.getPageId());
                }
            });
            Map<Long, Page> pages = tree.findAll(pageIds);
            List<Link> links = new ArrayList<>();
            for (MenuItem top : all) {
                if (top.getParentItemId() != null) {
                    continue;
                }
                String url = target(top, pages);
                if (url == null) {
                    continue;
                }
                List<Link> children = new ArrayList<>();
                for (MenuItem child : all) {
                    if (top.getId().equals(child.getParentItemId())) {
                        String childUrl = target(child, pages);
                        if (childUrl != null) {
                            children.add(new Link(child.getLabel(), childUrl, List.of()));
                        }
                    }
                }
                links.add(new Link(top.getLabel(), url, List.copyOf(children)));
            }
            return List.copyOf(links);
        }).orElse(List.of());
    }

    private static String target(MenuItem item, Map<Long, Page> pages) {
        if (item.getPageId() == null) {
            return item.getUrl();
        }
        Page page = pages.get(item.getPageId());
        return page != null && page.isLive() ? page.getPath() : null;
    }

    private Definition definition(Menu menu) {
        List<MenuItem> all = items.findByMenu(menu.getId());
        List<Item> top = new ArrayList<>();
        for (MenuItem item : all) {
            if (item.getParentItemId() == null) {
                List<Item> children = all.stream().filter(c -> item.getId().equals(c.getParentItemId()))
                        .map(c -> new Item(c.getLabel(), c.getPageId(), c.getUrl(), List.of())).toList();
                top.add(new Item(item.getLabel(), item.getPageId(), item.getUrl(), children));
            }
        }
        return new Definition(menu.getName(), menu.getLabel(), top, menu.getUpdatedBy(), menu.getUpdatedAt());
    }

    private void checkItems(List<Item> list, String where, boolean topLevel, List<String> problems) {
        for (int i = 0; i < list.size(); i++) {
            Item item = list.get(i);
            String place = where + "[" + i + "]";
            if (item == null) {
                problems.add(place + " is empty");
                continue;
            }
            if (item.label() == null || item.label().isBlank()) {
                problems.add(place + " needs a label");
            } else if (item.label().length() > MAX_LABEL) {
                problems.add(place + ": the label is longer than " + MAX_LABEL + " characters");
            }
            boolean hasUrl = item.url() != null && !item.url().isBlank();
            if ((item.page() == null) == !hasUrl) {
                problems.add(place + " needs either a page or a url, not both");
            } else if (item.page() != null && !tree.exists(item.page())) {
                problems.add(place + " links to page " + item.page() + ", which does not exist");
            } else if (hasUrl && !SafeUrl.isAcceptable(item.url().strip())) {
                problems.add(place + ": the url must be http(s), mailto or tel, or a path starting with /");
            }
            if (!item.children().isEmpty()) {
                if (!topLevel) {
                    problems.add(place + ": menus nest one level only");
                } else {
                    checkItems(item.children(), place + ".children", false, problems);
                }
            }
        }
    }

    private static int countItems(List<Item> list) {
        return list == null ? 0 : list.stream().mapToInt(i -> i == null ? 0 : 1 + i.children().size()).sum();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
