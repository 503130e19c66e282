package dev.floe.config;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
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
            throw new SettingsException("the site's " + name + " are not valid: " + problem(name, e));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("the site's " + name + " are not valid: " + e.getMessage());
        }
    }

    /**
     * Where in a section a declaration went wrong and why, in the site builder's terms: {@code
     * block_types.notice.fields.message.type: unknown field type 'texty'}, not Jackson's sentence naming Java classes.
     */
    static String problem(String section, JacksonException e) {
        StringBuilder where = new StringBuilder(section);
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                where.append('.').append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                where.append('[').append(reference.getIndex()).append(']');
            }
        }
        String what;
        if (e.getCause() instanceof IllegalArgumentException refused && refused.getMessage() != null) {
            // A declaration's own constructor refused it (FieldSpec, FieldType): its sentence is the site builder's.
            what = refused.getMessage();
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            where.setLength(where.length() - unknown.getPropertyName().length() - 1);
            what = "'" + unknown.getPropertyName() + "' is not a setting here (known: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
        } else if (e instanceof InvalidFormatException format) {
            what = "'" + format.getValue() + "' is not " + kind(format.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched) {
            what = "must be " + kind(mismatched.getTargetType());
        } else {
            what = e.getOriginalMessage().replaceAll("`[\\w.$]+`", "this value").lines().findFirst().orElse("");
        }
        return where + ": " + what;
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        return "a mapping of settings";
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
            throw new SettingsException(file + " is not valid YAML: " + yamlProblem(e));
        }
    }

    /**
     * The YAML parser's complaint on one line, with where it is: its own message spans several lines, echoing the
     * source with a caret under the place, which an error on stderr must not.
     */
    static String yamlProblem(JacksonException e) {
        // The YAML reader reports bytes that are not UTF-8 in its message, naming the JDK's exception, not as a cause.
        if (e.getOriginalMessage().startsWith(CharConversionException.class.getName())) {
            return "it is not UTF-8 text (" + e.getOriginalMessage().substring(CharConversionException.class.getName().length() + 2) + ")";
        }
        // The lines that say what is wrong start at the margin; the indented ones point into the file.
        String problem = e.getOriginalMessage().lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
        TokenStreamLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? problem : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + problem;
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
