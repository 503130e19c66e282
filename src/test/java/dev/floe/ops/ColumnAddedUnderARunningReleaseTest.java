package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.floe.pages.Author;
import dev.floe.pages.DraftInput;
import dev.floe.pages.Page;
import dev.floe.pages.PageEditor;
import dev.floe.pages.PageTree;
import dev.floe.support.FloeIntegrationTest;

/**
 * A rolling release: instances of release N go on creating pages after N+1's migration adds a column to the page
 * table. On PostgreSQL the driver prepares a statement on the server from its fifth use on a connection, and a
 * prepared insert that returns the page's generated key then failed with "cached plan must not change result type"
 * (seen in the release rehearsal, once per pooled connection).
 */
class ColumnAddedUnderARunningReleaseTest extends FloeIntegrationTest {

    @Autowired
    PageEditor editor;

    @Autowired
    PageTree tree;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesAreStillCreatedAfterANewerReleaseAddsAColumn() {
        long home = tree.home().getId();
        Author author = new Author("editor@floe.test", Set.of());
        // From this thread the pool hands back the connection it used last, so the insert is prepared on it.
        for (int i = 0; i < 6; i++) {
            editor.create(home, "layout_page", new DraftInput("Before " + i, unique("before"), null, Map.of(), Map.of()), author);
        }
        jdbc.sql("alter table page add column added_by_next_release varchar(40)").update();
        try {
            Page created = editor.create(home, "layout_page",
                    new DraftInput("After", unique("after"), null, Map.of(), Map.of()), author);

            assertThat(created.getId()).isPositive();
            assertThat(tree.find(created.getId())).isPresent();
        } finally {
            jdbc.sql("alter table page drop column added_by_next_release").update();
        }
        Page again = editor.create(home, "layout_page", new DraftInput("After the rollback", unique("rolled-back"), null,
                Map.of(), Map.of()), author);
        assertThat(again.getId()).isPositive();
    }
}
