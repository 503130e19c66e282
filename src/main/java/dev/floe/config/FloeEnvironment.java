package dev.floe.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    static final int REQUEST_THREADS_PER_CORE = 2;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        FloeSettings settings = FloeSettings.from(environment::getProperty);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", settings.database().jdbcUrl());
        properties.put("spring.datasource.username", settings.database().username());
        properties.put("spring.datasource.password", settings.database().password());
        if (settings.database().postgres()) {
            // During a rolling release, instances of release N keep running after N+1's migration adds a column. A
            // statement PostgreSQL has prepared for them whose result has a row of that table (an insert returning
            // its generated key) then fails with "cached plan must not change result type", once per pooled
            // connection. In this mode the driver keeps a savepoint in a transaction, and on that error alone rolls
            // back to it and runs the statement again, newly prepared.
            properties.put("spring.datasource.hikari.data-source-properties.autosave", "conservative");
        }
        properties.put("server.port", settings.port());
        // Request threads: 2 per core instead of Tomcat's 200; more connections wait in Tomcat's queue. Under load every
        // busy request thread is runnable, and 32 of them on 2 cores left the JIT compiler threads a thin share of the
        // CPU: pages were still being compiled half a minute after start. With 4 threads the first half-minute served
        // a fifth to a quarter more pages than with 200, and 9% more than with 8, at p99 under 50 ms; cached pages went
        // a little faster too (docs/benchmarks.md). Enough for an instance behind a proxy that buffers requests and
        // responses, as nginx does; one whose requests mostly wait on slow I/O sets SERVER_TOMCAT_THREADS_MAX.
        int requestThreads = REQUEST_THREADS_PER_CORE * Runtime.getRuntime().availableProcessors();
        properties.put("server.tomcat.threads.max", requestThreads);
        properties.put("server.tomcat.threads.min-spare", requestThreads);
        properties.put("spring.liquibase.enabled", settings.migrateOnStart());
        properties.put("spring.autoconfigure.exclude", String.join(",", excludedAutoConfigurations(settings)));
        settings.redisAddress().ifPresent(address -> {
            int colon = address.lastIndexOf(':');
            properties.put("spring.data.redis.host", address.substring(0, colon));
            properties.put("spring.data.redis.port", address.substring(colon + 1));
            // A Redis that stops answering must cost a request at most half a second, not Lettuce's 60 s default.
            properties.put("spring.data.redis.timeout", "500ms");
            properties.put("spring.data.redis.connect-timeout", "500ms");
            properties.put("spring.session.data.redis.namespace", "floe:session");
        });
        if (settings.forceSsl()) {
            properties.put("server.servlet.session.cookie.secure", true);
        }
        if (settings.isProduction()) {
            properties.put("server.error.include-stacktrace", "never");
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, properties));
    }

    /**
     * Floe records no traces or observation metrics, yet with an ObservationRegistry present Spring Security and
     * Spring MVC wrap every filter and request in an observation (measured at about a tenth of a page's CPU). Redis,
     * and the admin sessions kept in it, exist only when {@code REDIS_ADDRESS} is set; without it sessions stay in
     * this process (Tomcat's) and nothing tries to reach a Redis on localhost.
     */
    static List<String> excludedAutoConfigurations(FloeSettings settings) {
        List<String> excluded = new ArrayList<>();
        excluded.add("org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration");
        if (settings.redisAddress().isEmpty()) {
            excluded.addAll(List.of(
                    "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
                    "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
                    "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
                    "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
                    "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
                    "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
                    "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
                    "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration"));
        }
        return excluded;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
