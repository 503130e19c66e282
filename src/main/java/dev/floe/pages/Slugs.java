package dev.floe.pages;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.floe.blocks.ContentValidationException;
import dev.floe.blocks.ValidationProblem;

/** What a page slug may be. */
final class Slugs {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    // Top-level paths the platform serves itself; a page there would be hidden.
    private static final Set<String> RESERVED_AT_TOP = Set.of("admin", "api", "static", "media", "search", "iiif", "preview");

    private Slugs() {
    }

    static String check(String slug, boolean topLevel) {
        if (slug == null || slug.isBlank()) {
            throw invalid("a page needs a slug: lower-case letters, digits and hyphens, such as 'about-us'");
        }
        if (slug.length() > 255 || !SLUG.matcher(slug).matches()) {
            throw invalid("'" + slug + "' is not a valid slug: use lower-case letters, digits and single hyphens"
                    + " (such as 'about-us'), at most 255 characters");
        }
        if (topLevel && RESERVED_AT_TOP.contains(slug)) {
            throw invalid("'" + slug + "' is reserved for the platform at the top of the site; choose another");
        }
        return slug;
    }

    /**
     * The slug for a new page whose editor left it blank, made from its title as Wagtail makes one ("Café & Bar,
     * 2026" becomes "cafe-bar-2026"), with -2, -3, ... added while {@code taken} says a sibling has it or it is
     * reserved. A title with no letter or digit to make one from is refused as a blank slug is.
     */
    static String fromTitle(String title, boolean topLevel, Predicate<String> taken) {
        String letters = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String base = letters.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > 200) {
            base = base.substring(0, 200).replaceAll("-+$", "");
        }
        check(base, false);
        String slug = base;
        for (int n = 2; taken.test(slug) || (topLevel && RESERVED_AT_TOP.contains(slug)); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static ContentValidationException invalid(String message) {
        return new ContentValidationException(List.of(ValidationProblem.ofField("slug", message)));
    }
}
