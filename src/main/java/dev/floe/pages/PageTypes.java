package dev.floe.pages;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.floe.blocks.BlockTypes;
import dev.floe.blocks.FieldSpec;
import dev.floe.config.SettingsException;
import dev.floe.config.SiteProject;

/** The page types declared by the platform and the site project, checked against the block library at start-up. */
@Component
public class PageTypes {

    private static final Logger log = LoggerFactory.getLogger(PageTypes.class);

    private final Map<String, PageType> types = new LinkedHashMap<>();
    /** Stand-ins for stored types this release does not declare, one per name (see {@link #forDisplay}). */
    private final Map<String, PageType> standIns = new ConcurrentHashMap<>();

    public PageTypes(SiteProject site, BlockTypes blockTypes) {
        Map<String, Declaration> declared = site.<Map<String, Declaration>>section("page_types",
                        site.mapper().getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Declaration.class))
                .orElse(Map.of());
        declared.forEach((name, d) -> types.put(name, toPageType(name, d, blockTypes)));
        types.values().forEach(type -> {
            for (String other : type.childTypes()) {
                requireKnown(type.name(), "child_types", other, declared);
            }
            for (String other : type.parentTypes()) {
                requireKnown(type.name(), "parent_types", other, declared);
            }
        });
    }

    /** How a page type is written in YAML. */
    record Declaration(String label, String description, String behaviour, Integer perPage, List<String> layouts,
                       List<String> parentTypes, List<String> childTypes, Map<String, FieldSpec> fields,
                       Map<String, List<String>> slots) {
    }

    public Optional<PageType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /**
     * The declared type, for a change to a page or a placement; refused with 409 when the page's stored type is no
     * longer declared (taken out of site.yaml, or a release rolled back to one without it): its content cannot be
     * checked against a declaration that is not there.
     */
    public PageType get(String name) {
        PageType type = types.get(name);
        if (type == null) {
            throw new TreeConflictException("The page type '" + name + "' is not declared in this release of the site (it was taken"
                    + " out of site.yaml, or the release was rolled back to one without it). Pages of that type are still shown"
                    + " as they were published; declare the type again to change them.");
        }
        return type;
    }

    /**
     * The type to show a page with: the declared one, or for a type no longer declared a plain stand-in (the default
     * layout, no fields or slots of its own), so that rolling a release back never takes its pages off the site. Blocks
     * whose types are gone are left out of such a page as they are of any other.
     */
    public PageType forDisplay(String name) {
        PageType type = types.get(name);
        if (type != null) {
            return type;
        }
        return standIns.computeIfAbsent(name, undeclared -> {
            log.warn("Pages of type '{}' are shown with the default layout: the type is not declared in this release", undeclared);
            return new PageType(undeclared, undeclared, null, PageType.Behaviour.STANDARD, 10, List.of("default"), List.of(), List.of(),
                    Map.of(), Map.of());
        });
    }

    public Collection<PageType> all() {
        return types.values();
    }

    /** The declared types' names, comma separated, for a message that lists the choices. */
    public String names() {
        return String.join(", ", types.keySet());
    }

    private static PageType toPageType(String name, Declaration d, BlockTypes blockTypes) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new SettingsException("page type name '" + name + "' must be lower case letters, digits and _");
        }
        List<String> layouts = d.layouts() == null || d.layouts().isEmpty() ? List.of("default") : List.copyOf(d.layouts());
        Map<String, List<String>> slots = new LinkedHashMap<>();
        if (d.slots() != null) {
            d.slots().forEach((slot, accepted) -> {
                for (String blockType : accepted) {
                    if (!blockTypes.exists(blockType)) {
                        throw new SettingsException("page type '" + name + "' slot '" + slot
                                + "' accepts block type '" + blockType + "', which is not declared");
                    }
                }
                slots.put(slot, List.copyOf(accepted));
            });
        }
        PageType.Behaviour behaviour;
        try {
            behaviour = d.behaviour() == null ? PageType.Behaviour.STANDARD
                    : PageType.Behaviour.valueOf(d.behaviour().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("page type '" + name + "' has behaviour '" + d.behaviour()
                    + "'; use standard, listing or redirect");
        }
        return new PageType(name, d.label() == null ? name : d.label(), d.description(), behaviour,
                d.perPage() == null ? 10 : d.perPage(), layouts,
                d.parentTypes() == null ? List.of() : List.copyOf(d.parentTypes()),
                d.childTypes() == null ? List.of() : List.copyOf(d.childTypes()),
                d.fields() == null ? Map.of() : d.fields(), slots);
    }

    private static void requireKnown(String type, String property, String other, Map<String, Declaration> declared) {
        if (!declared.containsKey(other)) {
            throw new SettingsException("page type '" + type + "' names '" + other + "' in " + property
                    + ", which is not a declared page type");
        }
    }
}
