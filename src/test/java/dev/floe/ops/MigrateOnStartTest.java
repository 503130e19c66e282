package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.springframework.core.io.DefaultResourceLoader;

import dev.floe.config.DatabaseSettings;
import dev.floe.config.FloeSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Instances that migrate on start, as separate {@code floe serve} processes on one database: production never does
 * unless told to, and several told to at once apply each change once (through the same gate as {@code floe migrate}).
 */
class MigrateOnStartTest {

    private ScratchDatabase db;
    private final List<ServingProcess> instances = new ArrayList<>();

    @BeforeEach
    void emptyDatabase() {
        db = ScratchDatabase.create();
    }

    @AfterEach
    void stopAndDrop() throws Exception {
        for (ServingProcess instance : instances) {
            instance.close();
        }
        db.close();
    }

    @Test
    void aProductionInstanceNotToldToMigrateLeavesTheSchemaAloneAndIsNotReady() throws Exception {
        ServingProcess instance = launch(production());

        instance.await(Duration.ofSeconds(240), () -> instance.status("/-/health/live") == 200, "to come alive");

        assertThat(instance.status("/-/health/ready")).as("not ready: migrations pending").isEqualTo(503);
        assertThat(db.tables()).as("no table of Floe's (Liquibase may add its bookkeeping)").doesNotContain("page");
        assertThat(db.appliedIds()).as("no change applied").isEmpty();
    }

    @Test
    void severalProductionInstancesToldToMigrateStartingAtOnceApplyEachChangeOnce() throws Exception {
        Map<String, String> env = production();
        env.put("FLOE_MIGRATE_ON_START", "yes");
        int count = 2; // two JVMs racing catch a change applied twice as well as three did, for one JVM start fewer

        List<Future<ServingProcess>> starting = new ArrayList<>();
        try (ExecutorService together = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                starting.add(together.submit(() -> launch(env)));
            }
        }
        for (Future<ServingProcess> instance : starting) {
            ServingProcess serving = instance.get();
            serving.await(Duration.ofSeconds(300), () -> serving.status("/-/health/ready") == 200, "to migrate and become ready");
        }

        int changes = db.migrations().status().size();
        assertThat(db.appliedIds()).as("each change recorded once").hasSize(changes).doesNotHaveDuplicates();
        assertThat(db.strings("SELECT COUNT(*) FROM page WHERE parent_id IS NULL")).as("one home page").containsExactly("1");
        assertThat(db.migrations().isCurrent()).isTrue();
    }

    @Test
    void tenContextsMigratingOnStartAtOnceInOneProcessApplyEachChangeOnce() throws Exception {
        DatabaseSettings database = FloeSettings.from(name -> db.env().getOrDefault(name, System.getenv(name))).database();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        try (ExecutorService together = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                MigrateOnStart.GatedLiquibase liquibase = new MigrateOnStart.GatedLiquibase(database);
                liquibase.setDataSource(db.dataSource());
                liquibase.setChangeLog("classpath:" + Migrations.CHANGELOG);
                liquibase.setResourceLoader(new DefaultResourceLoader());
                runs.add(together.submit(() -> {
                    go.await();
                    liquibase.afterPropertiesSet();
                    return null;
                }));
            }
            go.countDown();
        }
        for (Future<?> run : runs) {
            run.get();
        }

        int changes = db.migrations().status().size();
        assertThat(db.appliedIds()).as("each change recorded once").hasSize(changes).doesNotHaveDuplicates();
        assertThat(db.migrations().isCurrent()).isTrue();
    }

    private ServingProcess launch(Map<String, String> env) throws Exception {
        ServingProcess instance = ServingProcess.launch(env);
        synchronized (instances) {
            instances.add(instance);
        }
        return instance;
    }

    private Map<String, String> production() {
        Map<String, String> env = db.envAlone();
        env.put("BASE_SETTINGS_MODULE", "production");
        env.put("SECRET_KEY", "a-production-secret-for-the-migrate-on-start-test");
        env.put("SITE_DOMAIN", "localhost");
        return env;
    }
}
