package dev.floe.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * A request's JSON object with typed, checked access: a value of the wrong type or an unknown key is a 422 naming
 * the key, rather than a silent coercion.
 */
final class JsonBody {

    private final Map<String, Object> values;

    private JsonBody(Map<String, Object> values) {
        this.values = values;
    }

    static JsonBody of(Map<String, Object> values, Set<String> allowed) {
        if (values == null) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "The request needs a JSON object as its body.");
        }
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw ApiException.invalid(key, "is not accepted here (accepted: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return new JsonBody(values);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Object raw(String key) {
        return values.get(key);
    }

    String string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw ApiException.invalid(key, "must be a string");
        }
        return text;
    }

    Long id(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 1) {
            throw ApiException.invalid(key, "must be a page id (a positive whole number)");
        }
        return ((Number) value).longValue();
    }

    Integer integer(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer number)) {
            throw ApiException.invalid(key, "must be a whole number");
        }
        return number;
    }

    Instant time(String key) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(key, "must be an ISO-8601 time with a zone, such as 2030-01-31T09:00:00Z");
        }
    }

    Object object(String key) {
        Object value = values.get(key);
        if (value != null && !(value instanceof Map)) {
            throw ApiException.invalid(key, "must be a JSON object");
        }
        return value;
    }
}
