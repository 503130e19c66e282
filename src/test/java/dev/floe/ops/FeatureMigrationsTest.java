package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code floe migrate FEATURE VERSION}: one feature's changes reversed down to a version and applied up to one, on an
 * empty database of the suite's kind (H2, or PostgreSQL when PG* is set).
 */
class FeatureMigrationsTest {

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
    void reversingAFeatureToAVersionUndoesItsLaterChangesAndMigratingBringsThemBack() throws Exception {
        Migrations migrations = db.migrations();
        migrations.migrate();

        FeatureMigration toOne = migrations.migrateFeature("pages", 1);
        FeatureMigration redirectsToZero = migrations.migrateFeature("redirects", 0);

        assertThat(toOne.reversals()).extracting(FeatureMigration.Reversal::changeId)
                .containsExactly("pages-0006-page-reference-layout", "pages-0005-page-reference-fingerprint",
                        "pages-0004-page-references", "pages-0003-page-bin", "pages-0002-home-page");
        assertThat(db.strings("SELECT path FROM page")).as("pages-0002 made the home page").isEmpty();
        assertThat(redirectsToZero.reversals()).extracting(FeatureMigration.Reversal::changeId).containsExactly("redirects-0001-redirects");
        assertThat(db.tables()).contains("page", "scheduled_job").doesNotContain("redirect");
        assertThat(db.appliedIds()).doesNotContain("pages-0002-home-page", "redirects-0001-redirects");
        assertThat(migrations.status()).filteredOn(c -> !c.applied()).extracting(Migrations.Change::id)
                .containsExactlyInAnyOrder("pages-0002-home-page", "pages-0003-page-bin", "pages-0004-page-references",
                        "pages-0005-page-reference-fingerprint", "pages-0006-page-reference-layout", "redirects-0001-redirects");

        FeatureMigration back = migrations.migrateFeature("pages", null);
        migrations.migrate();

        assertThat(back.applies()).containsExactly("pages-0002-home-page", "pages-0003-page-bin", "pages-0004-page-references",
                "pages-0005-page-reference-fingerprint", "pages-0006-page-reference-layout");
        assertThat(db.strings("SELECT path FROM page")).containsExactly("/");
        assertThat(db.tables()).contains("redirect");
        assertThat(migrations.isCurrent()).isTrue();
    }

    @Test
    void theReferenceTableQueuesTheExistingPagesThatMayReferToSomethingAndGoesAgainOnReversal() throws Exception {
        Migrations migrations = db.migrations();
        migrations.migrate();
        migrations.migrateFeature("pages", 3);
        String columns = "INSERT INTO page (parent_id, position, slug, path, depth, page_type, title, draft_content,"
                + " draft_version, draft_saved_at, has_unpublished_changes, live, live_content, created_at)"
                + " SELECT id, %d, '%s', '/%s/', 1, 'layout_page', 'T', '%s', 1, created_at, TRUE, FALSE, %s, created_at FROM page WHERE path = '/'";
        db.execute(String.format(columns, 1, "links", "links", "{\"slots\":{\"main\":[{\"type\":\"page_link\",\"value\":{\"page\":7}}]}}", "NULL"),
                String.format(columns, 2, "plain", "plain", "{\"slots\":{}}", "'{\"slots\":{}}'"),
                String.format(columns, 3, "was-live", "was-live", "{\"slots\":{}}", "'{\"fields\":{\"n\":5}}'"));

        migrations.migrateFeature("pages", null);

        assertThat(db.strings("SELECT p.slug FROM page_reference_pending q JOIN page p ON p.id = q.page_id ORDER BY p.slug"))
                .as("pages without a digit refer to nothing; the home page is one of them").containsExactly("links", "was-live");
        assertThat(db.strings("SELECT COUNT(*) FROM page_reference")).containsExactly("0");
        assertThat(db.strings("SELECT slug || ' ' || COALESCE(CAST(references_draft_version AS VARCHAR(10)), 'none') FROM page"
                + " WHERE slug <> '' ORDER BY slug"))
                .as("pages-0005: recorded pages get their fingerprint, queued ones wait for theirs")
                .containsExactly("links none", "plain 1", "was-live none");

        assertThat(migrations.migrateFeature("pages", 3).reversals()).extracting(FeatureMigration.Reversal::changeId)
                .containsExactly("pages-0006-page-reference-layout", "pages-0005-page-reference-fingerprint", "pages-0004-page-references");
        assertThat(db.tables()).doesNotContain("page_reference", "page_reference_pending", "page_reference_layout");
        assertThat(db.columns("page")).doesNotContain("references_draft_version", "references_published_at");
    }

    @Test
    void thePlanShowsTheSqlInOrderAndChangesNothing() throws Exception {
        Migrations migrations = db.migrations();
        migrations.migrate();

        String sql = migrations.planFeature("pages", 1).sql();
        String none = migrations.planFeature("redirects", 1).sql();

        assertThat(sql.toLowerCase()).containsSubsequence("-- reverse pages-0002-home-page", "delete from", "page_revision",
                "delete from", "page where path = '/'", "delete from", "databasechangelog", "pages-0002-home-page");
        assertThat(none).isEmpty();
        assertThat(db.strings("SELECT path FROM page")).containsExactly("/");
        assertThat(db.appliedIds()).contains("pages-0002-home-page");
    }

    @Test
    void aChangeWithoutAReverseIsRefusedByNameBeforeAnythingRuns() throws Exception {
        Migrations migrations = new Migrations(db.dataSource(), "dev/floe/ops/changelog-irreversible.yaml");
        migrations.migrate();

        assertThatThrownBy(() -> migrations.migrateFeature("pages", 6))
                .isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("pages-0007-legacy-note cannot be reversed: it declares no rollback and its sql change")
                .hasMessageEndingWith("Nothing was changed.");
        assertThatThrownBy(() -> migrations.planFeature("pages", 6)).hasMessageStartingWith("pages-0007-legacy-note cannot be reversed");

        assertThat(db.columns("page")).as("pages-0008, which comes first and could be reversed, was not").contains("summary");
        assertThat(db.appliedIds()).contains("pages-0007-legacy-note", "pages-0008-page-summary");
        assertThat(migrations.migrateFeature("pages", 7).reversals()).extracting(FeatureMigration.Reversal::changeId)
                .as("a change with an automatic reverse is reversed").containsExactly("pages-0008-page-summary");
        assertThat(db.columns("page")).doesNotContain("summary");
    }

    @Test
    void reversingWhatAnotherFeatureReliesOnIsRefusedNamingIt() throws Exception {
        Migrations migrations = db.migrations();
        migrations.migrate();

        assertThatThrownBy(() -> migrations.migrateFeature("pages", 0))
                .isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("Reversing pages-0001-page-tree-and-revisions would break publishing-0001-scheduled-jobs (publishing), "
                        + "redirects-0001-redirects (redirects)")
                .hasMessageContaining("which use page; reverse them first (floe migrate publishing zero, floe migrate redirects zero")
                .hasMessageEndingWith("Nothing was changed.");
        assertThat(db.strings("SELECT path FROM page")).as("pages-0002 comes first and was not reversed").containsExactly("/");

        List<String> others = migrations.status().stream().map(Migrations.Change::feature)
                .filter(f -> !f.equals("pages") && !f.equals("accounts")).distinct().toList().reversed();
        for (String feature : others) {
            migrations.migrateFeature(feature, 0);
        }
        migrations.migrateFeature("pages", 0);
        assertThat(db.tables()).contains("floe_user").doesNotContain("page", "page_revision", "scheduled_job", "redirect");
    }

    @Test
    void applyingAChangeThatNeedsAnotherFeaturesPendingChangeIsRefused() throws Exception {
        Migrations migrations = db.migrations();

        assertThatThrownBy(() -> migrations.migrateFeature("publishing", null))
                .hasMessageStartingWith("publishing-0001-scheduled-jobs needs page, which pages-0001-page-tree-and-revisions (pages)"
                        + " makes and is not applied: run floe migrate pages first.");

        migrations.migrateFeature("pages", null);
        assertThat(migrations.migrateFeature("publishing", null).applies()).containsExactly("publishing-0001-scheduled-jobs");
        assertThat(db.tables()).contains("page", "scheduled_job").doesNotContain("floe_user", "redirect");
    }

    @Test
    void aFailureHalfWayLeavesTheDatabaseAsItWas() throws Exception {
        Migrations migrations = new Migrations(db.dataSource(), "dev/floe/ops/changelog-failing-reverse.yaml");
        migrations.migrate();
        db.execute("UPDATE page SET summary = 'kept' WHERE path = '/'",
                "INSERT INTO page_note (page_id, note) SELECT id, 'a note' FROM page WHERE path = '/'");

        assertThatThrownBy(() -> migrations.migrateFeature("pages", 6))
                .hasMessageStartingWith("Reversing pages failed and was undone, so the database is as it was:")
                .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("floe_no_such_table"));

        assertThat(db.strings("SELECT summary FROM page WHERE path = '/'")).as("pages-0008's reversal was undone").containsExactly("kept");
        assertThat(db.strings("SELECT note FROM page_note")).containsExactly("a note");
        assertThat(db.appliedIds()).contains("pages-0007-page-notes", "pages-0008-page-summary");
        assertThat(db.strings("SELECT COUNT(*) FROM databasechangeloglock WHERE locked = TRUE")).as("the lock is released").containsExactly("0");
        assertThat(migrations.migrateFeature("pages", 7).reversals()).hasSize(1);
        assertThat(db.columns("page")).doesNotContain("summary");
    }

    @Test
    void aChangeThisReleaseDoesNotKnowIsNotReversedPastByIt() throws Exception {
        new Migrations(db.dataSource(), "dev/floe/ops/changelog-failing-reverse.yaml").migrate();

        assertThatThrownBy(() -> db.migrations().migrateFeature("pages", 1))
                .hasMessageStartingWith("pages-0007-page-notes is applied but this release does not know it: reverse it with the"
                        + " release that added it (floe migrate pages 0001), then deploy this one.");
        assertThat(db.migrations().unknownApplied()).containsExactly("pages-0007-page-notes", "pages-0008-page-summary");
    }

    @Test
    void anEmptyDatabaseCanBeBroughtToAnEarlierStateOfThisRelease() throws Exception {
        Migrations migrations = db.migrations();
        List<String> earlier = migrations.knownIds().stream()
                .filter(id -> !id.equals("pages-0002-home-page") && !id.equals("pages-0003-page-bin")
                        && !id.equals("pages-0004-page-references") && !id.equals("pages-0005-page-reference-fingerprint")
                        && !id.equals("pages-0006-page-reference-layout")
                        && !id.startsWith("redirects-")).toList();

        migrations.migrateTo(earlier);

        assertThat(db.appliedIds()).containsExactlyInAnyOrderElementsOf(earlier);
        assertThat(db.tables()).contains("page").doesNotContain("redirect");
    }

    @Test
    void unknownFeaturesAndVersionsAreRefusedWithTheChoices() {
        Migrations migrations = db.migrations();

        assertThatThrownBy(() -> migrations.planFeature("pagez", 0))
                .hasMessageStartingWith("There is no feature 'pagez' with migrations; the features are accounts, ")
                .hasMessageContaining(" pages, publishing, redirects");
        assertThatThrownBy(() -> migrations.planFeature("pages", 9)).hasMessage("pages has no change 0009; its latest is 0006.");
    }
}
