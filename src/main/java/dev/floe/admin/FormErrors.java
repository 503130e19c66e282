package dev.floe.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a submitted form: a message per field, shown beside it by the {@code admin/forms} macros, and
 * messages about the form as a whole, shown above it. Put it in the model as {@code errors}.
 */
public final class FormErrors {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    public FormErrors field(String name, String message) {
        fields.putIfAbsent(name, message);
        return this;
    }

    public FormErrors general(String message) {
        general.add(message);
        return this;
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public String get(String name) {
        return fields.get(name);
    }

    public boolean isEmpty() {
        return fields.isEmpty() && general.isEmpty();
    }

    public Map<String, String> getFields() {
        return fields;
    }

    public List<String> getGeneral() {
        return general;
    }
}
