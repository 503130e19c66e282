package dev.floe.pages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds live pages for the public site with one plain query and no transaction.
 *
 * <p>Every anonymous request starts here, so this path avoids what an entity read costs: a transaction (BEGIN and
 * COMMIT), a persistence context, and reading both content columns (draft and live) only to drop the draft. The
 * content itself is read by revision id only when it is not already parsed in memory.
 */
@Service
public class LivePages {

    private final JdbcClient jdbc;

    LivePages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LivePage> find(String path) {
        return jdbc.sql("SELECT id, page_type, path, live_revision_id, first_published_at, last_published_at"
                        + " FROM page WHERE path = ? AND live = TRUE")
                .param(path)
                .query(LivePages::livePage)
                .optional();
    }

    /** The content of a revision, as stored; revisions are never changed once written. */
    String revisionContent(long revisionId) {
        return jdbc.sql("SELECT content FROM page_revision WHERE id = ?")
                .param(revisionId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("live revision " + revisionId + " is missing"));
    }

    /** The live content of a page published before revisions were kept for it (the first home page). */
    String liveContent(long pageId) {
        return jdbc.sql("SELECT live_content FROM page WHERE id = ?")
                .param(pageId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new PageNotFoundException(pageId));
    }

    private static LivePage livePage(ResultSet row, int number) throws SQLException {
        long revisionId = row.getLong(4);
        Long liveRevisionId = row.wasNull() ? null : revisionId;
        return new LivePage(row.getLong(1), row.getString(2), row.getString(3), liveRevisionId,
                instant(row, 5), instant(row, 6));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
