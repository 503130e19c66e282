package dev.floe.ops;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.floe.config.DatabaseSettings;
import dev.floe.config.FloeSettings;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;

/**
 * Migrating on start ({@code serve} and {@code demo} in develop and test, production only with
 * {@code FLOE_MIGRATE_ON_START=yes}; {@code spring.liquibase.enabled} carries the decision) goes through the same
 * {@link MigrationGate} as {@code floe migrate}, so instances starting together on one database apply each change
 * once. Replaces Spring Boot's own Liquibase bean, which takes only Liquibase's lock; being a {@link SpringLiquibase},
 * it still runs before JPA and everything else that uses the database.
 *
 * <p>The bean always exists and reads the decision when the process starts: Spring's build-time processing of the
 * serving context (see {@link dev.floe.config.FloeContext}) fixes which beans exist, and one build serves both.
 */
@Configuration(proxyBeanMethods = false)
class MigrateOnStart {

    @Bean
    SpringLiquibase liquibase(DataSource dataSource, FloeSettings settings, Environment environment) {
        GatedLiquibase liquibase = new GatedLiquibase(settings.database());
        liquibase.setShouldRun(environment.getProperty("spring.liquibase.enabled", Boolean.class, true));
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:" + Migrations.CHANGELOG);
        return liquibase;
    }

    /** Liquibase's update on start, run while holding the migration gate. */
    static final class GatedLiquibase extends SpringLiquibase {

        private final DatabaseSettings database;

        GatedLiquibase(DatabaseSettings database) {
            this.database = database;
        }

        @Override
        public void afterPropertiesSet() throws LiquibaseException {
            if (!shouldRun) {
                return;
            }
            try (MigrationGate gate = MigrationGate.enter(database)) {
                super.afterPropertiesSet();
            }
        }
    }
}
