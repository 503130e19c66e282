package dev.floe.config;

/** A setting from the environment that Floe cannot run with; the message names the variable. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
