package dev.floe.config;

import java.util.Locale;

/** Which set of defaults applies, chosen by {@code BASE_SETTINGS_MODULE} as in ICEkit. */
public enum SettingsModule {
    DEVELOP, PRODUCTION, TEST;

    static SettingsModule parse(String value) {
        if (value == null || value.isBlank()) {
            return DEVELOP;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("BASE_SETTINGS_MODULE must be develop, production or test, not '" + value + "'");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
