import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.floe.config.DatabaseSettings;
import dev.floe.config.FloeSettings;

/**
 * Fills a migrated Floe database with published pages under the home page, straight through SQL (fast: thousands a
 * second), for the figures in scripts/ops-figures.sh. Uses the database of the environment contract, or
 * SPRING_DATASOURCE_URL when set.
 *
 *   java -cp CLASSPATH scripts/SeedPages.java seed COUNT
 *   java -cp CLASSPATH scripts/SeedPages.java create-schema NAME | drop-schema NAME     (PostgreSQL)
 */
public class SeedPages {

    public static void main(String[] args) throws Exception {
        DatabaseSettings db = FloeSettings.from(System::getenv).database();
        String url = System.getenv().getOrDefault("SPRING_DATASOURCE_URL", db.jdbcUrl());
        try (Connection connection = DriverManager.getConnection(url, db.username(), db.password());
             Statement statement = connection.createStatement()) {
            switch (args[0]) {
                case "create-schema" -> statement.execute("CREATE SCHEMA " + args[1]);
                case "drop-schema" -> statement.execute("DROP SCHEMA IF EXISTS " + args[1] + " CASCADE");
                case "seed" -> seed(connection, Integer.parseInt(args[1]));
                default -> throw new IllegalArgumentException("seed COUNT | create-schema NAME | drop-schema NAME");
            }
        }
    }

    private static void seed(Connection connection, int count) throws Exception {
        long home;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT id FROM page WHERE path = '/'")) {
            rs.next();
            home = rs.getLong(1);
        }
        connection.setAutoCommit(false);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String pageSql = "INSERT INTO page (parent_id, position, slug, path, depth, page_type, title, draft_content, draft_version,"
                + " draft_saved_by, draft_saved_at, has_unpublished_changes, live, live_title, live_content, first_published_at,"
                + " last_published_at, created_at) VALUES (?, ?, ?, ?, 1, 'layout_page', ?, ?, 1, 'editor@example.com', ?, FALSE, TRUE, ?, ?, ?, ?, ?)";
        String revisionSql = "INSERT INTO page_revision (page_id, draft_version, kind, slug, content, author, created_at)"
                + " SELECT id, 1, 'PUBLISHED', slug, live_content, 'editor@example.com', created_at FROM page WHERE parent_id = ?";
        try (PreparedStatement page = connection.prepareStatement(pageSql)) {
            for (int i = 1; i <= count; i++) {
                String slug = "page-" + i;
                String title = "Page " + i + ": notes on the harbour, the archive and the garden";
                String content = content(title, i);
                page.setLong(1, home);
                page.setInt(2, i);
                page.setString(3, slug);
                page.setString(4, "/" + slug + "/");
                page.setString(5, title);
                page.setString(6, content);
                page.setObject(7, now);
                page.setString(8, title);
                page.setString(9, content);
                page.setObject(10, now);
                page.setObject(11, now);
                page.setObject(12, now);
                page.addBatch();
                if (i % 1000 == 0) {
                    page.executeBatch();
                }
            }
            page.executeBatch();
        }
        try (PreparedStatement revisions = connection.prepareStatement(revisionSql)) {
            revisions.setLong(1, home);
            revisions.executeUpdate();
        }
        connection.commit();
        System.out.println("Seeded " + count + " published pages with a revision each.");
    }

    private static String content(String title, int i) {
        StringBuilder html = new StringBuilder();
        for (int p = 0; p < 6; p++) {
            html.append("<p>Paragraph ").append(p + 1).append(" of page ").append(i)
                    .append(": the collection holds letters, maps and photographs from the harbour's first century, kept dry and catalogued.</p>");
        }
        return "{\"title\":\"" + title + "\",\"layout\":\"default\",\"fields\":{\"intro\":\"<p>Intro " + i + "</p>\"},"
                + "\"slots\":{\"main\":[{\"type\":\"heading\",\"value\":{\"text\":\"" + title + "\",\"level\":\"h2\"}},"
                + "{\"type\":\"text\",\"value\":{\"html\":\"" + html + "\"}}]}}";
    }
}
