package dev.floe.media;

import java.util.List;

import dev.floe.pages.PageReferences.UsingPage;

/** An image or document cannot be deleted while pages show it; {@code pages} are the ones that do. */
public class MediaInUseException extends RuntimeException {

    private final List<UsingPage> pages;

    MediaInUseException(String what, List<UsingPage> pages) {
        super(UsingPage.refusal(what, pages));
        this.pages = List.copyOf(pages);
    }

    public List<UsingPage> pages() {
        return pages;
    }
}
