package dev.floe.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The platform's declarations ({@code floe/platform.yaml}) overlaid with the site project's {@code site.yaml}
 * (from {@code --site DIR} or {@code FLOE_SITE_DIR}): a site adds or replaces page types, block types and the rest by
 * name, without Java.
 */
@Component
public class SiteProject {

    public static final String SITE_FILE = "site.yaml";

    private final Optional<Path> directory;
    private final ObjectNode definitions;
    private final YAMLMapper mapper = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public SiteProject(FloeSettings settings) {
        this.directory = settings.siteDir();
        ObjectNode merged = read("floe/platform.yaml");
        directory.ifPresent(dir -> {
            Path file = dir.resolve(SITE_FILE);
            if (!Files.isDirectory(dir)) {
                throw new SettingsException(notAFolder(dir));
            }
            if (Files.exists(file)) {
                overlay(merged, readFile(file));
            }
        });
        this.definitions = merged;
    }

    static String notAFolder(Path dir) {
        return "FLOE_SITE_DIR (or --site) names " + dir + ", which is not a folder";
    }

    public Optional<Path> directory() {
        return directory;
    }

    public String siteName() {
        JsonNode name = definitions.get("name");
        return name == null || name.isNull() ? "Floe" : name.asString();
    }

    /** A top-level section such as {@code page_types}, converted to {@code type}; empty when absent. */
    public <T> Optional<T> section(String name, JavaType type) {
        JsonNode node = definitions.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.treeToValue(node, type));
        } catch (JacksonException e) {
            throw new SettingsException("the site's " + name + " are not valid: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new SettingsException("the site's " + name + " are not valid: " + e.getMessage());
        }
    }

    public YAMLMapper mapper() {
        return mapper;
    }

    private ObjectNode read(String classpathLocation) {
        try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode node = mapper.readTree(in);
            if (node == null || node.isNull() || node.isMissingNode()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!(node instanceof ObjectNode object)) {
                throw new SettingsException(file + " must hold a mapping of sections (name, page_types, block_types, ...)");
            }
            return object;
        } catch (IOException e) {
            throw new SettingsException("cannot read " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new SettingsException(file + " is not valid YAML: " + e.getOriginalMessage());
        }
    }

    /** Site sections replace the platform's entries one name at a time; scalar settings replace outright. */
    private static void overlay(ObjectNode base, ObjectNode site) {
        for (var entry : site.properties()) {
            JsonNode existing = base.get(entry.getKey());
            if (existing instanceof ObjectNode baseSection && entry.getValue() instanceof ObjectNode siteSection) {
                for (var item : siteSection.properties()) {
                    baseSection.set(item.getKey(), item.getValue());
                }
            } else {
                base.set(entry.getKey(), entry.getValue());
            }
        }
    }
}
