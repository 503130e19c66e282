package dev.floe.blocks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Checks values against field declarations and returns the cleaned values to store (rich text sanitized,
 * text trimmed). Problems are collected, not thrown, so one answer lists all of them.
 */
@Component
public class FieldValidator {

    private static final int DEFAULT_TEXT_LIMIT = 10_000;
    private static final int RICHTEXT_LIMIT = 200_000;
    private static final int DEFAULT_LIST_ITEMS = 500;
    private static final int DEFAULT_SLUG_LIMIT = 100;
    private static final int DEFAULT_CELL_LIMIT = 1_000;
    private static final int DEFAULT_GRID_ROWS = 200;
    // The widest row a text grid may have; wider tables do not read well on any screen.
    private static final int MAX_GRID_COLUMNS = 20;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{3,30}");

    private final RichTextSanitizer sanitizer;
    private final Map<FieldType, FieldReference> references = new java.util.EnumMap<>(FieldType.class);

    public FieldValidator(RichTextSanitizer sanitizer, List<FieldReference> references) {
        this.sanitizer = sanitizer;
        references.forEach(reference -> this.references.put(reference.fieldType(), reference));
    }

    /** Where the values being checked sit on the page, for messages. */
    public record Place(String slot, Integer block, String blockType) {
        public static final Place PAGE = new Place(null, null, null);
    }

    public Map<String, Object> clean(Map<String, FieldSpec> specs, Object input, Place place, String prefix,
                                     LongPredicate pageExists, List<ValidationProblem> problems) {
        Map<String, Object> cleaned = new LinkedHashMap<>();
        if (input == null) {
            input = Map.of();
        }
        if (!(input instanceof Map<?, ?> values)) {
            problems.add(problem(place, prefix.isEmpty() ? null : prefix.replaceFirst("\\.$", ""), "must be an object of named fields"));
            return cleaned;
        }
        for (Object key : values.keySet()) {
            if (!specs.containsKey(String.valueOf(key))) {
                problems.add(problem(place, prefix + key, "is not a field here (known fields: "
                        + (specs.isEmpty() ? "none" : String.join(", ", specs.keySet())) + ")"));
            }
        }
        for (Map.Entry<String, FieldSpec> entry : specs.entrySet()) {
            String name = entry.getKey();
            FieldSpec spec = entry.getValue();
            Object raw = values.get(name);
            if (isEmpty(raw)) {
                if (spec.required()) {
                    problems.add(problem(place, prefix + name, "this field is required"));
                }
                continue;
            }
            Object value = cleanValue(spec, raw, place, prefix + name, pageExists, problems);
            if (value != null) {
                cleaned.put(name, value);
            }
        }
        return cleaned;
    }

    private Object cleanValue(FieldSpec spec, Object raw, Place place, String field, LongPredicate pageExists,
                              List<ValidationProblem> problems) {
        switch (spec.type()) {
            case TEXT -> {
                if (!(raw instanceof String text)) {
                    return wrongType(place, field, "text", problems);
                }
                int limit = spec.maxLength() == null ? DEFAULT_TEXT_LIMIT : spec.maxLength();
                if (text.length() > limit) {
                    problems.add(problem(place, field, "is " + text.length() + " characters long; at most " + limit + " are allowed"));
                    return null;
                }
                return text.strip();
            }
            case RICHTEXT -> {
                if (!(raw instanceof String html)) {
                    return wrongType(place, field, "HTML text", problems);
                }
                if (html.length() > RICHTEXT_LIMIT) {
                    problems.add(problem(place, field, "is longer than " + RICHTEXT_LIMIT + " characters"));
                    return null;
                }
                String clean = sanitizer.sanitize(html);
                if (spec.required() && clean.replaceAll("<[^>]*>", "").isBlank()) {
                    problems.add(problem(place, field, "this field is required"));
                    return null;
                }
                return clean;
            }
            case URL -> {
                if (!(raw instanceof String url)) {
                    return wrongType(place, field, "a URL", problems);
                }
                String trimmed = url.strip();
                if (!SafeUrl.isAcceptable(trimmed)) {
                    problems.add(problem(place, field, "must be an http(s), mailto or tel URL, or a path starting with /"));
                    return null;
                }
                return trimmed;
            }
            case INTEGER -> {
                if (!(raw instanceof Integer || raw instanceof Long)) {
                    return wrongType(place, field, "a whole number", problems);
                }
                long number = ((Number) raw).longValue();
                if ((spec.min() != null && number < spec.min()) || (spec.max() != null && number > spec.max())) {
                    problems.add(problem(place, field, "must be between " + (spec.min() == null ? "any" : spec.min())
                            + " and " + (spec.max() == null ? "any" : spec.max())));
                    return null;
                }
                return number;
            }
            case DECIMAL -> {
                if (!(raw instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                    return wrongType(place, field, "a number", problems);
                }
                double decimal = number.doubleValue();
                if ((spec.min() != null && decimal < spec.min()) || (spec.max() != null && decimal > spec.max())) {
                    problems.add(problem(place, field, "must be between " + (spec.min() == null ? "any" : spec.min())
                            + " and " + (spec.max() == null ? "any" : spec.max())));
                    return null;
                }
                return decimal;
            }
            case SLUG -> {
                if (!(raw instanceof String text)) {
                    return wrongType(place, field, "text", problems);
                }
                String slug = text.strip();
                int limit = spec.maxLength() == null ? DEFAULT_SLUG_LIMIT : spec.maxLength();
                if (slug.length() > limit || !SLUG.matcher(slug).matches()) {
                    problems.add(problem(place, field, "must be lower-case letters, digits and single hyphens, such as"
                            + " 'opening-hours', at most " + limit + " characters"));
                    return null;
                }
                return slug;
            }
            case EMAIL -> {
                if (!(raw instanceof String text)) {
                    return wrongType(place, field, "an email address", problems);
                }
                String email = text.strip();
                if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                    problems.add(problem(place, field, "must be an email address such as name@example.org"));
                    return null;
                }
                return email;
            }
            case PHONE -> {
                if (!(raw instanceof String text)) {
                    return wrongType(place, field, "a phone number", problems);
                }
                String phone = text.strip();
                if (!PHONE.matcher(phone).matches() || phone.chars().filter(Character::isDigit).count() < 3) {
                    problems.add(problem(place, field, "must be a phone number of digits, spaces and ( ) - . with an"
                            + " optional leading +, such as +44 20 7946 0000"));
                    return null;
                }
                return phone;
            }
            case TEXT_LIST -> {
                if (!(raw instanceof List<?> items)) {
                    return wrongType(place, field, "a list of texts", problems);
                }
                int limit = spec.max() == null ? DEFAULT_LIST_ITEMS : spec.max();
                if (items.size() > limit) {
                    problems.add(problem(place, field, "has " + items.size() + " items; at most " + limit + " are allowed"));
                    return null;
                }
                return texts(spec, items, place, field, problems);
            }
            case TEXT_GRID -> {
                if (!(raw instanceof List<?> rows)) {
                    return wrongType(place, field, "a list of rows, each a list of texts", problems);
                }
                int limit = spec.max() == null ? DEFAULT_GRID_ROWS : spec.max();
                if (rows.size() > limit) {
                    problems.add(problem(place, field, "has " + rows.size() + " rows; at most " + limit + " are allowed"));
                    return null;
                }
                int before = problems.size();
                List<List<String>> grid = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    String row = field + "[" + i + "]";
                    if (!(rows.get(i) instanceof List<?> cells)) {
                        problems.add(problem(place, row, "must be a list of texts"));
                    } else if (cells.size() > MAX_GRID_COLUMNS) {
                        problems.add(problem(place, row, "has " + cells.size() + " cells; at most " + MAX_GRID_COLUMNS
                                + " are allowed"));
                    } else {
                        grid.add(texts(spec, cells, place, row, problems));
                    }
                }
                return problems.size() == before ? grid : null;
            }
            case BOOLEAN -> {
                if (!(raw instanceof Boolean)) {
                    return wrongType(place, field, "true or false", problems);
                }
                return raw;
            }
            case DATE -> {
                if (!(raw instanceof String text)) {
                    return wrongType(place, field, "a date (YYYY-MM-DD)", problems);
                }
                try {
                    return LocalDate.parse(text.strip()).toString();
                } catch (DateTimeParseException e) {
                    problems.add(problem(place, field, "must be a date written YYYY-MM-DD, not '" + text + "'"));
                    return null;
                }
            }
            case CHOICE -> {
                if (!(raw instanceof String choice) || !spec.choices().contains(choice)) {
                    problems.add(problem(place, field, "must be one of " + String.join(", ", spec.choices())));
                    return null;
                }
                return choice;
            }
            case PAGE -> {
                if (!(raw instanceof Integer || raw instanceof Long)) {
                    return wrongType(place, field, "a page id", problems);
                }
                long id = ((Number) raw).longValue();
                if (!pageExists.test(id)) {
                    problems.add(problem(place, field, "refers to page " + id + ", which does not exist"));
                    return null;
                }
                return id;
            }
            case IMAGE, DOCUMENT -> {
                String what = spec.type() == FieldType.IMAGE ? "image" : "document";
                if (!(raw instanceof Integer || raw instanceof Long)) {
                    return wrongType(place, field, "the id of an " + (spec.type() == FieldType.IMAGE ? "image" : "document")
                            + " in the media library", problems);
                }
                long id = ((Number) raw).longValue();
                FieldReference reference = references.get(spec.type());
                if (reference == null || !reference.exists(id)) {
                    problems.add(problem(place, field, "refers to " + what + " " + id + ", which is not in the media library"));
                    return null;
                }
                return id;
            }
            case LIST -> {
                if (!(raw instanceof List<?> items)) {
                    return wrongType(place, field, "a list", problems);
                }
                int limit = spec.max() == null ? DEFAULT_LIST_ITEMS : spec.max();
                if (items.size() > limit) {
                    problems.add(problem(place, field, "has " + items.size() + " items; at most " + limit + " are allowed"));
                    return null;
                }
                List<Map<String, Object>> cleanedItems = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    cleanedItems.add(clean(spec.fields(), items.get(i), place, field + "[" + i + "].", pageExists, problems));
                }
                return cleanedItems;
            }
            default -> throw new IllegalStateException("unhandled field type " + spec.type());
        }
    }

    /** Plain texts, each trimmed and at most the field's length; empty texts are kept (an empty table cell). */
    private static List<String> texts(FieldSpec spec, List<?> items, Place place, String field, List<ValidationProblem> problems) {
        int limit = spec.maxLength() == null ? DEFAULT_CELL_LIMIT : spec.maxLength();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String where = field + "[" + i + "]";
            if (!(item instanceof String text)) {
                problems.add(problem(place, where, "must be text"));
            } else if (text.length() > limit) {
                problems.add(problem(place, where, "is " + text.length() + " characters long; at most " + limit + " are allowed"));
            } else {
                texts.add(text.strip());
            }
        }
        return texts;
    }

    private static boolean isEmpty(Object raw) {
        return raw == null || (raw instanceof String s && s.isBlank()) || (raw instanceof List<?> l && l.isEmpty());
    }

    private static Object wrongType(Place place, String field, String expected, List<ValidationProblem> problems) {
        problems.add(problem(place, field, "must be " + expected));
        return null;
    }

    private static ValidationProblem problem(Place place, String field, String message) {
        return new ValidationProblem(place.slot(), place.block(), place.blockType(), field, message);
    }
}
