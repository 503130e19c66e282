package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Cli;

/** {@code floe migrate} as operators run it: separate processes against one database. */
class MigrateCommandTest {

    private static final Pattern APPLIED = Pattern.compile("Applied ([0-9]+) migrations?\\.");

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
    void severalInstancesMigratingAtOnceApplyEachChangeOnce() throws Exception {
        int instances = 3;
        List<Future<Cli.Result>> runs = new ArrayList<>();
        try (ExecutorService together = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < instances; i++) {
                runs.add(together.submit(() -> Cli.run(db.env(), "migrate")));
            }
        }

        int appliedInAll = 0;
        for (Future<Cli.Result> run : runs) {
            Cli.Result result = run.get();
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            Matcher applied = APPLIED.matcher(result.stdout());
            appliedInAll += applied.find() ? Integer.parseInt(applied.group(1)) : 0;
            assertThat(applied.find(0) || result.stdout().contains("No migrations to apply.")).as(result.stdout()).isTrue();
        }

        int changes = db.migrations().status().size();
        assertThat(db.appliedIds()).as("each change recorded once").hasSize(changes).doesNotHaveDuplicates();
        assertThat(appliedInAll).as("the processes together report each change applied once").isEqualTo(changes);
        assertThat(db.migrations().isCurrent()).isTrue();
    }

    @Test
    void migrateFeatureVersionReversesOnlyThatFeatureAndItsPlanChangesNothing() throws Exception {
        db.migrations().migrate();

        Cli.Result plan = Cli.run(db.env(), "migrate", "redirects", "zero", "--plan");
        assertThat(plan.exitCode()).as(plan.stderr()).isZero();
        assertThat(plan.stdout().toLowerCase()).contains("-- reverse redirects-0001-redirects", "drop table", "redirect;");
        assertThat(db.tables()).as("--plan changes nothing").contains("redirect");

        Cli.Result reversed = Cli.run(db.env(), "migrate", "redirects", "zero");
        assertThat(reversed.exitCode()).as(reversed.stderr()).isZero();
        assertThat(reversed.stdout()).contains("Reversed redirects-0001-redirects.", "redirects is at zero.");
        assertThat(db.tables()).doesNotContain("redirect").contains("page", "scheduled_job");
        assertThat(db.migrations().status()).filteredOn(c -> !c.applied()).extracting(Migrations.Change::id)
                .containsExactly("redirects-0001-redirects");
    }
}
