package dev.floe.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Translates the environment contract into Spring's own properties before the context starts, so that the data
 * source, port and the rest follow {@code PG*}, {@code PORT} and friends. A bad value stops start-up naming it.
 */
public class FloeEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "floeEnvironmentContract";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        FloeSettings settings = FloeSettings.from(environment::getProperty);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", settings.database().jdbcUrl());
        properties.put("spring.datasource.username", settings.database().username());
        properties.put("spring.datasource.password", settings.database().password());
        properties.put("server.port", settings.port());
        properties.put("spring.liquibase.enabled", settings.migrateOnStart());
        if (settings.forceSsl()) {
            properties.put("server.servlet.session.cookie.secure", true);
        }
        if (settings.isProduction()) {
            properties.put("server.error.include-stacktrace", "never");
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, properties));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
