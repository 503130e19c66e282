package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.config.FloeContext;
import jakarta.persistence.EntityManagerFactory;

/** The slim context of migrate, showmigrations, backup and restore must stay slim: that is its whole point. */
class DatabaseCommandsTest {

    @Test
    void theDatabaseCommandsContextHasTheMigrationsAndBackupsButNoHibernateOrWebServer(@TempDir Path var) {
        try (ConfigurableApplicationContext context = FloeContext.startOnly(DatabaseCommands.class, "FLOE_VAR_DIR=" + var)) {
            assertThat(context.getBean(Migrations.class).status()).as("every feature's changes are listed").hasSizeGreaterThan(10);
            assertThat(context.getBean(Backups.class)).isNotNull();
            assertThat(context.getBeanNamesForType(EntityManagerFactory.class)).isEmpty();
            assertThat(context.getBeanNamesForType(org.hibernate.search.mapper.orm.mapping.SearchMapping.class)).isEmpty();
            assertThat(context.getBeanDefinitionCount()).as("a few dozen beans, not the serving context's hundreds").isLessThan(60);
        }
    }
}
