package dev.floe.pages;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.floe.blocks.BlockTypes;
import dev.floe.blocks.FieldValidator;
import dev.floe.blocks.RichTextSanitizer;
import dev.floe.config.FloeSettings;
import dev.floe.config.SiteProject;
import dev.floe.publishing.Publisher;
import dev.floe.publishing.ScheduledPublisher;
import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/** The page reference table follows every write of a page's draft or live content, in the same transaction. */
class PageReferencesTest extends FloeIntegrationTest {

    @Autowired
    PageReferences references;

    @Autowired
    PageEditor editor;

    @Autowired
    Publisher publisher;

    @Autowired
    ScheduledPublisher scheduler;

    @Autowired
    PageBin bin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    PageReferencesBackfill backfill;

    @Autowired
    PageRepository pageRepository;

    @Autowired
    ContentCodec codec;

    Pages pages;
    long target;
    long other;

    @BeforeEach
    void setUp() {
        // Contexts of other test classes with other site types may have started on this database since.
        references.adoptLayout();
        pages = new Pages(api);
        target = pages.createUnderHome(unique("target"), "Target").get("id").asLong();
        other = pages.createUnderHome(unique("other"), "Other").get("id").asLong();
    }

    @Test
    void savingPublishingRevertingAndRestoringKeepTheDraftAndLiveReferences() {
        long page = pages.createUnderHome(unique("linking"), "Linking", link(target)).get("id").asLong();
        assertThat(rows(page)).containsExactly("draft page " + target);

        pages.publish(page);
        assertThat(rows(page)).containsExactly("draft page " + target, "live page " + target);

        pages.edit(page, pages.draft(page).get("version").asInt(), Map.of("slots", Map.of("main", List.of(link(other)))));
        assertThat(rows(page)).containsExactly("draft page " + other, "live page " + target);
        assertThat(references.pagesUsing(PageReferences.Kind.PAGE, target)).extracting(PageReferences.UsingPage::id)
                .as("the live version still links to it").containsExactly(page);
        assertThat(references.pagesUsing(PageReferences.Kind.PAGE, other)).extracting(PageReferences.UsingPage::id).containsExactly(page);

        assertThat(api.post("/api/v2/pages/" + page + "/revert/", Map.of()).status()).isEqualTo(200);
        assertThat(rows(page)).containsExactly("draft page " + target, "live page " + target);
        assertThat(references.pagesUsing(PageReferences.Kind.PAGE, other)).isEmpty();

        long withOther = api.get("/api/v2/pages/" + page + "/revisions/").json().get("items").valueStream()
                .filter(r -> r.get("kind").asString().equalsIgnoreCase("saved")).findFirst().orElseThrow().get("id").asLong();
        Api.Response restored = api.post("/api/v2/pages/" + page + "/revisions/" + withOther + "/restore/", Map.of());
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(rows(page)).containsExactly("draft page " + other, "live page " + target);

        assertThat(api.post("/api/v2/pages/" + page + "/unpublish/", Map.of()).status()).isEqualTo(200);
        assertThat(rows(page)).as("an unpublished page keeps its last live content, which still counts")
                .containsExactly("draft page " + other, "live page " + target);
    }

    @Test
    void aCopyHasItsOwnDraftReferencesAndTheBinHidesPagesUntilTheyAreRestoredOrPurged() {
        long page = pages.createUnderHome(unique("source"), "Source", link(target), textBlock("<p>text</p>")).get("id").asLong();
        Page copy = editor.copy(page, pages.homeId(), unique("copy"), false, Author.system("test"));
        assertThat(rows(copy.getId())).containsExactly("draft page " + target);
        assertThat(references.pagesUsing(PageReferences.Kind.PAGE, target)).extracting(PageReferences.UsingPage::id)
                .containsExactlyInAnyOrder(page, copy.getId());

        bin.delete(copy.getId(), Author.system("test"));
        assertThat(references.pagesUsing(PageReferences.Kind.PAGE, target)).extracting(PageReferences.UsingPage::id)
                .as("binned pages do not count").containsExactly(page);
        bin.restore(copy.getId(), null, Author.system("test"));
        assertThat(references.pagesUsing(PageReferences.Kind.PAGE, target)).extracting(PageReferences.UsingPage::id)
                .containsExactlyInAnyOrder(page, copy.getId());

        bin.delete(copy.getId(), Author.system("test"));
        jdbc.sql("UPDATE page_bin SET deleted_at = ? WHERE page_id = ?").params(java.time.OffsetDateTime.parse("2000-01-01T00:00:00Z"), copy.getId()).update();
        bin.purgeDeletedBefore(Instant.parse("2000-01-02T00:00:00Z"));
        assertThat(rows(copy.getId())).as("purged with its page").isEmpty();
    }

    @Test
    void aPublicationRolledBackLeavesTheReferencesAsTheyWere() {
        long page = pages.createUnderHome(unique("rolled-back"), "Rolled back", link(target)).get("id").asLong();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            publisher.publish(page, null, Author.system("test"));
            assertThat(rows(page)).as("inside the transaction").contains("live page " + target);
            status.setRollbackOnly();
        });
        assertThat(rows(page)).containsExactly("draft page " + target);

        long child = pages.create(page, "child", "Child", link(other)).get("id").asLong();
        assertThatThrownBy(() -> publisher.publish(child, null, Author.system("test"))).hasMessageContaining("not published");
        assertThat(rows(child)).containsExactly("draft page " + other);
    }

    @Test
    void theSchedulerPublishesTheScheduledReferences() throws Exception {
        long page = pages.createUnderHome(unique("scheduled"), "Scheduled", link(target)).get("id").asLong();
        Instant goLive = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        assertThat(api.post("/api/v2/pages/" + page + "/schedule/", Map.of("go_live_at", goLive.toString())).status()).isEqualTo(200);
        pages.edit(page, pages.draft(page).get("version").asInt(), Map.of("slots", Map.of("main", List.of(link(other)))));

        Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), goLive).toMillis() + 50));
        scheduler.runDue();

        assertThat(rows(page)).containsExactly("draft page " + other, "live page " + target);
    }

    @Test
    void pagesWrittenBeforeTheTableAreAnsweredFromTheirContentUntilTheBackfillRecordsThem() {
        long page = pages.createUnderHome(unique("legacy"), "Legacy", link(target)).get("id").asLong();
        jdbc.sql("DELETE FROM page_reference WHERE page_id = ?").param(page).update();
        jdbc.sql("INSERT INTO page_reference_pending (page_id) VALUES (?)").param(page).update();

        assertThat(references.pagesUsing(PageReferences.Kind.PAGE, target)).extracting(PageReferences.UsingPage::id)
                .as("read from its content while it waits").containsExactly(page);

        assertThat(references.backfillPending()).isGreaterThanOrEqualTo(1);

        assertThat(rows(page)).containsExactly("draft page " + target);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM page_reference_pending").query(Long.class).single()).isZero();
        assertThat(references.pagesUsing(PageReferences.Kind.PAGE, target)).extracting(PageReferences.UsingPage::id).containsExactly(page);
    }

    @Test
    void pagesThePreviousReleaseWritesDuringARollingUpgradeAreReadUntilTheSchedulerRecordsThem() throws InterruptedException {
        long page = pages.createUnderHome(unique("rolled"), "Rolled", link(target)).get("id").asLong();
        pages.publish(page);
        assertThat(waiting()).doesNotContain(page);

        // What an instance of a release without the reference table writes: content, version and time, nothing else.
        jdbc.sql("UPDATE page SET draft_content = REPLACE(draft_content, ?, ?), draft_version = draft_version + 1 WHERE id = ?")
                .params("\"page\":" + target, "\"page\":" + other, page).update();
        assertThat(jdbc.sql("SELECT draft_content FROM page WHERE id = ?").param(page).query(String.class).single())
                .contains("\"page\":" + other);

        assertThat(waiting()).contains(page);
        assertThat(rows(page)).as("not recorded yet").containsExactly("draft page " + target, "live page " + target);
        assertThat(references.pagesUsing(PageReferences.Kind.PAGE, other)).extracting(PageReferences.UsingPage::id)
                .as("read from its content meanwhile").containsExactly(page);

        backfill.recordInBackground().join();

        assertThat(rows(page)).containsExactly("draft page " + other, "live page " + target);
        assertThat(waiting()).doesNotContain(page);

        jdbc.sql("UPDATE page SET live_content = draft_content, last_published_at = CURRENT_TIMESTAMP WHERE id = ?").param(page).update();
        assertThat(waiting()).as("a publication by the previous release").contains(page);
        assertThat(references.pagesUsing(PageReferences.Kind.PAGE, target)).extracting(PageReferences.UsingPage::id)
                .as("stale rows can only name a page too many, never too few").containsExactly(page);

        backfill.recordInBackground().join();

        assertThat(rows(page)).containsExactly("draft page " + other, "live page " + other);
        assertThat(references.pagesUsing(PageReferences.Kind.PAGE, target)).isEmpty();
    }

    @Test
    void typesThatChangeWhatAFieldRefersToRecordEveryPageAgainAndTheReleaseBeingReplacedRecordsNothing(@TempDir Path site) throws IOException {
        long page = pages.createUnderHome(unique("relaid"), "Relaid", link(target)).get("id").asLong();
        Files.writeString(site.resolve("site.yaml"), """
                block_types:
                  page_link:
                    label: Page link
                    fields:
                      page: { type: text }
                """);
        PageReferences relaid = referencesWithTheTypesOf(site);
        assertThat(relaid.layout()).isNotEqualTo(references.layout());

        assertThat(relaid.adoptLayout()).as("the first instance of the new release to start").isTrue();
        assertThat(relaid.adoptLayout()).as("the next one").isFalse();
        assertThat(pending()).contains(page, target, other);
        assertThat(references.backfillPending()).as("the release being replaced records nothing").isZero();
        assertThat(rows(page)).containsExactly("draft page " + target);
        assertThat(relaid.pagesUsing(PageReferences.Kind.PAGE, target)).extracting(PageReferences.UsingPage::id)
                .as("until it is recorded again, its old rows still count: a page too many, never too few").containsExactly(page);

        assertThat(relaid.backfillPending()).isGreaterThanOrEqualTo(3);
        assertThat(rows(page)).as("recorded by the new types: the field no longer refers to a page").isEmpty();
        assertThat(relaid.pagesUsing(PageReferences.Kind.PAGE, target)).isEmpty();
        assertThat(pending()).isEmpty();

        pages.edit(page, pages.draft(page).get("version").asInt(), Map.of("slots", Map.of("main", List.of(link(other)))));
        assertThat(rows(page)).as("a save by an instance of the release being replaced").containsExactly("draft page " + other);
        assertThat(pending()).as("waits for the new types").containsExactly(page);
        assertThat(relaid.backfillPending()).isEqualTo(1);
        assertThat(rows(page)).isEmpty();

        assertThat(references.adoptLayout()).as("a rollback: an instance of the earlier release starts again").isTrue();
        assertThat(references.backfillPending()).isGreaterThanOrEqualTo(3);
        assertThat(rows(page)).containsExactly("draft page " + other);
        assertThat(pending()).isEmpty();
    }

    @Test
    void theLayoutOnlyFollowsFieldsThatCanReferToSomething(@TempDir Path site) throws IOException {
        Files.writeString(site.resolve("site.yaml"), """
                block_types:
                  quote:
                    label: Quotation
                    fields:
                      text: { type: richtext, required: true }
                  sidenote:
                    label: Side note
                    fields:
                      note: { type: text }
                """);

        assertThat(referencesWithTheTypesOf(site).layout()).as("labels, text fields and types without references")
                .isEqualTo(references.layout());
    }

    private PageReferences referencesWithTheTypesOf(Path site) {
        SiteProject project = new SiteProject(FloeSettings.from(Map.of("FLOE_SITE_DIR", site.toString())::get));
        BlockTypes blockTypes = new BlockTypes(project, new FieldValidator(new RichTextSanitizer(), List.of()), List.of());
        return new PageReferences(jdbc, pageRepository, codec, new PageTypes(project, blockTypes), blockTypes, transactionManager);
    }

    private List<Long> pending() {
        return jdbc.sql("SELECT page_id FROM page_reference_pending").query(Long.class).list();
    }

    private List<Long> waiting() {
        return jdbc.sql("SELECT id FROM page WHERE references_draft_version IS DISTINCT FROM draft_version"
                + " OR references_published_at IS DISTINCT FROM last_published_at").query(Long.class).list();
    }

    private static Map<String, Object> link(long page) {
        return Map.of("type", "page_link", "value", Map.of("page", page));
    }

    private List<String> rows(long page) {
        return jdbc.sql("SELECT draft, kind, target_id FROM page_reference WHERE page_id = ? ORDER BY draft DESC, kind, target_id")
                .param(page)
                .query((rs, n) -> (rs.getBoolean(1) ? "draft " : "live ") + rs.getString(2) + " " + rs.getLong(3))
                .list();
    }
}
