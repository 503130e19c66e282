package dev.floe.sharedcontent;

import java.util.List;

import dev.floe.pages.PageReferences.UsingPage;

/** Shared content cannot be deleted while pages show it; {@code pages} are the ones that do. */
public class SharedContentInUseException extends RuntimeException {


    private final List<UsingPage> pages;

    SharedContentInUseException(String name, List<UsingPage> pages) {
        super("The shared content '" + name + "' is used on " + pages.size() + (pages.size() == 1 ? " page" : " pages")
                + " (" + String.join(", ", pages.stream().limit(10).map(UsingPage::path).toList())
                + (pages.size() > 10 ? ", …" : "") + "); remove it from " + (pages.size() == 1 ? "that page" : "them")
                + " first.");
        this.pages = List.copyOf(pages);
    }

    public List<UsingPage> pages() {
        return pages;
    }
}
