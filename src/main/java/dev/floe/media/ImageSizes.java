package dev.floe.media;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.floe.config.SettingsException;
import dev.floe.config.SiteProject;

/**
 * The named image sizes the platform and the site declare under {@code image_sizes} (ICEkit's content, hero, list
 * and og images): each a rendition spec, the {@code sizes} attribute for its {@code <img>}, and optionally the widths
 * of its srcset.
 */
@Component
public class ImageSizes {

    /** A named size as declared in YAML. */
    public record NamedSize(String name, RenditionSpec spec, String sizes, List<Integer> widths) {
    }

    record Declaration(String spec, String sizes, List<Integer> widths, String label) {
    }

    private final Map<String, NamedSize> sizes = new LinkedHashMap<>();

    public ImageSizes(SiteProject site) {
        Map<String, Declaration> declared = site.<Map<String, Declaration>>section("image_sizes",
                        site.mapper().getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Declaration.class))
                .orElse(Map.of());
        declared.forEach((name, d) -> {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new SettingsException("image size name '" + name + "' must be lower case letters, digits and _");
            }
            if (d == null || d.spec() == null) {
                throw new SettingsException("image size '" + name + "' needs a spec such as fill-800x600");
            }
            RenditionSpec spec;
            try {
                spec = RenditionSpec.parse(d.spec());
            } catch (MediaRejectedException e) {
                throw new SettingsException("image size '" + name + "': " + e.getMessage());
            }
            List<Integer> widths = d.widths() == null ? List.of() : List.copyOf(d.widths());
            if (widths.stream().anyMatch(w -> w == null || w < 1 || w > RenditionSpec.MAX_SIDE)) {
                throw new SettingsException("image size '" + name + "': widths must be from 1 to " + RenditionSpec.MAX_SIDE);
            }
            sizes.put(name, new NamedSize(name, spec, d.sizes(), widths));
        });
    }

    public Optional<NamedSize> find(String name) {
        return Optional.ofNullable(sizes.get(name));
    }

    public List<NamedSize> all() {
        return List.copyOf(sizes.values());
    }
}
