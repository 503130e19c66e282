package dev.floe.sharedcontent;

import java.util.List;

import dev.floe.pages.PageReferences.UsingPage;

/** Shared content cannot be deleted while pages show it; {@code pages} are the ones that do. */
public class SharedContentInUseException extends RuntimeException {

    private final List<UsingPage> pages;

    SharedContentInUseException(String name, List<UsingPage> pages) {
        super(UsingPage.refusal("shared content '" + name + "'", pages));
        this.pages = List.copyOf(pages);
    }

    public List<UsingPage> pages() {
        return pages;
    }
}
