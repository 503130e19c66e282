package dev.floe.publishing;

import java.util.List;

/** Pages were taken off the public site (a page and its live descendants). */
public record PageUnpublished(long pageId, List<String> paths) {
}
