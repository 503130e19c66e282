package dev.floe.ops;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: an instance is not ready while the database has migrations this code expects but lacks. */
@Component("migrationsHealthIndicator")
class MigrationsHealth implements HealthIndicator {

    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final Migrations migrations;
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile boolean current;

    MigrationsHealth(Migrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public Health health() {
        // Once current, migrations stay current for this code; checking again would only cost a query.
        if (!current && Instant.now().isAfter(checkedAt.plus(RECHECK))) {
            checkedAt = Instant.now();
            current = migrations.isCurrent();
        }
        return current ? Health.up().build() : Health.down().withDetail("reason", "migrations pending: run floe migrate").build();
    }
}
