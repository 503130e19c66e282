package dev.floe.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/** Readiness: an instance is not ready while the database has migrations this code expects but lacks. */
@Component("migrationsHealthIndicator")
// A migration on start (MigrateOnStart's bean) is over before the first check begins.
@DependsOn("liquibase")
class MigrationsHealth implements HealthIndicator {

    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final Migrations migrations;
    private volatile CompletableFuture<Boolean> firstCheck;
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile boolean current;

    MigrationsHealth(Migrations migrations, ApplicationContext context) {
        this.migrations = migrations;
        // The first check parses the whole changelog: a third of a second on a JVM that has just started, which the
        // first readiness probe would otherwise wait for after the rest of the start. An instance with a web server
        // begins it now, beside the rest of its start; other contexts check when first asked.
        if (context instanceof WebServerApplicationContext) {
            firstCheck = CompletableFuture.supplyAsync(() -> {
                boolean isCurrent = migrations.isCurrent();
                checkedAt = Instant.now();
                return isCurrent;
            }, task -> Thread.ofPlatform().daemon().name("floe-migrations-check").start(task));
        }
    }

    @Override
    public Health health() {
        CompletableFuture<Boolean> first = firstCheck;
        if (first != null) {
            firstCheck = null;
            current = firstResult(first);
        }
        // Once current, migrations stay current for this code; checking again would only cost a query.
        if (!current && Instant.now().isAfter(checkedAt.plus(RECHECK))) {
            checkedAt = Instant.now();
            current = migrations.isCurrent();
        }
        return current ? Health.up().build() : Health.down().withDetail("reason", "migrations pending: run floe migrate").build();
    }

    private static boolean firstResult(CompletableFuture<Boolean> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            // As if the check had run here: the probe reports the failure (the database down, say) and the next one
            // checks again.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
