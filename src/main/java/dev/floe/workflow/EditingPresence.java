package dev.floe.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has a page open in the editor: each open editor sends a heartbeat, and anyone seen within {@link #FRESH} counts
 * as editing now. Kept in the database, so every instance sees the same editors.
 */
@Service
public class EditingPresence {

    /** How long a heartbeat counts; editors send one well within it. */
    public static final Duration FRESH = Duration.ofSeconds(45);

    private final JdbcClient jdbc;
    private final Clock clock;

    EditingPresence(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Someone else with the page open, the draft version they opened, and when they were last seen. */
    public record Editor(String email, int openedVersion, Instant seenAt) {
    }

    /** Records that {@code email} has the page open, having opened draft version {@code openedVersion}. */
    @Transactional
    public void heartbeat(long pageId, String email, int openedVersion) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE page_presence SET seen_at = ?, opened_version = ? WHERE page_id = ? AND editor = ?")
                .params(now, openedVersion, pageId, email).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO page_presence (page_id, editor, opened_version, seen_at) VALUES (?, ?, ?, ?)")
                        .params(pageId, email, openedVersion, now).update();
            } catch (DuplicateKeyException raced) {
                // the same editor's other tab inserted it a moment ago; its heartbeat is as good as ours
            }
        }
    }

    /** Forgets that {@code email} has the page open (the editor was closed). */
    @Transactional
    public void left(long pageId, String email) {
        jdbc.sql("DELETE FROM page_presence WHERE page_id = ? AND editor = ?").params(pageId, email).update();
    }

    /** Everyone but {@code email} seen editing the page within {@link #FRESH}. */
    @Transactional(readOnly = true)
    public List<Editor> others(long pageId, String email) {
        Timestamp since = Timestamp.from(clock.instant().minus(FRESH));
        return jdbc.sql("SELECT editor, opened_version, seen_at FROM page_presence WHERE page_id = ? AND editor <> ? AND seen_at >= ?"
                        + " ORDER BY editor")
                .params(pageId, email, since)
                .query((rs, row) -> new Editor(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()))
                .list();
    }
}
