package dev.floe.ops;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import dev.floe.config.FloeSettings;

/**
 * The context of the commands that need the database and nothing else: {@code migrate}, {@code showmigrations},
 * {@code backup} and {@code restore} (started with {@link dev.floe.config.FloeContext#startOnly}). The schema changes
 * are Liquibase's SQL and a backup copies tables row by row, so neither needs Hibernate, the search mapping or the
 * web layer, which are most of the whole context's start. Not a {@code @Configuration}: the serving context's
 * component scan must not find it.
 */
@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
@Import({Migrations.class, Backups.class})
final class DatabaseCommands {

    @Bean
    FloeSettings floeSettings(Environment environment) {
        return FloeSettings.from(environment::getProperty);
    }
}
