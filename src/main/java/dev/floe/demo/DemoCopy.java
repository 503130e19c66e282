package dev.floe.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The demo site's words, read from {@code harbour-museum.yaml} beside this class. */
record DemoCopy(List<Person> people, List<Story> stories, List<Exhibit> exhibits, List<Section> sections,
                Map<String, String> logs) {

    /** A member of staff: writes articles, and appears in contact person blocks. */
    record Person(String name, String role, String email, String phone) {
    }

    /** A news story; {@code quote} and {@code quoteBy} are optional. */
    record Story(String title, String summary, String author, String lede, String detail, String quote, String quoteBy) {
    }

    /** An object for the "Object of the month" series. */
    record Exhibit(String name, String summary, String description, String date, String materials, String size,
                   String gallery) {
    }

    /** A heading and a paragraph that longer articles share. */
    record Section(String heading, String html) {
    }

    static DemoCopy load() {
        YAMLMapper yaml = YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = DemoCopy.class.getResourceAsStream("harbour-museum.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the demo's harbour-museum.yaml is missing from the classpath");
            }
            return yaml.readValue(in, DemoCopy.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Person person(String name) {
        return people.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo has no person named " + name));
    }
}
