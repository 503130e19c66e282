package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import dev.floe.support.Await;

/** Readiness by migrations, on a scratch database (the suite's: embedded H2, or PostgreSQL in CI's second run). */
class MigrationsHealthTest {

    private ScratchDatabase db;

    @BeforeEach
    void emptyDatabase() {
        db = ScratchDatabase.create();
    }

    @AfterEach
    void dropIt() throws Exception {
        db.close();
    }

    @Test
    void anInstanceWithAWebServerChecksDuringItsStartAndAnswersTheFirstProbeFromThatCheck() throws Exception {
        MigrationsHealth health = new MigrationsHealth(db.migrations(), new ServletWebServerApplicationContext());

        // Nobody has asked yet; the check has run all the same: it is what leaves Liquibase's bookkeeping table.
        Await.until(() -> hasTable("databasechangelog"), Duration.ofSeconds(60), "the check begun at start to reach the database");
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

        db.migrations().migrate();
        Thread.sleep(1100); // a check that found changes pending is made again at most once a second
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void otherContextsCheckWhenFirstAsked() throws Exception {
        db.migrations().migrate();

        MigrationsHealth health = new MigrationsHealth(db.migrations(), new GenericApplicationContext());

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aCheckBegunAtStartThatFailsIsReportedByTheFirstProbeAndMadeAgainByTheNext() {
        AtomicBoolean restarting = new AtomicBoolean(true);
        DataSource firstConnectionFails = new DelegatingDataSource(db.dataSource()) {
            @Override
            public Connection getConnection() throws SQLException {
                if (restarting.getAndSet(false)) {
                    throw new SQLException("the database system is starting up", "57P03");
                }
                return super.getConnection();
            }
        };
        MigrationsHealth health = new MigrationsHealth(new Migrations(firstConnectionFails), new ServletWebServerApplicationContext());

        assertThatThrownBy(health::health).as("the check's own failure, not a wrapper around it")
                .isNotInstanceOf(CompletionException.class).hasStackTraceContaining("the database system is starting up");
        assertThat(health.health().getStatus()).as("checked again: changes pending").isEqualTo(Status.DOWN);
    }

    private boolean hasTable(String name) {
        try {
            return db.tables().contains(name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
