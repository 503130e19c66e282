package dev.floe.media;

import java.util.List;

import dev.floe.pages.PageReferences.UsingPage;

/** An image or document cannot be deleted while pages show it; {@code pages} are the ones that do. */
public class MediaInUseException extends RuntimeException {


    private final List<UsingPage> pages;

    MediaInUseException(String what, List<UsingPage> pages) {
        super("The " + what + " is used on " + pages.size() + (pages.size() == 1 ? " page" : " pages") + " ("
                + String.join(", ", pages.stream().limit(10).map(UsingPage::path).toList())
                + (pages.size() > 10 ? ", …" : "") + "); remove it from " + (pages.size() == 1 ? "that page" : "them")
                + " first.");
        this.pages = List.copyOf(pages);
    }

    public List<UsingPage> pages() {
        return pages;
    }
}
