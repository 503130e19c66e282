package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.support.Api;
import dev.floe.support.Cli;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

/**
 * {@code floe backup} and {@code floe restore}: a copy of the running site's database and media that restores into
 * an empty database row for row and file for file, refuses damage and existing content, and can leave out personal data.
 */
class BackupRestoreTest extends FloeIntegrationTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Autowired
    DataSource dataSource;

    private Path media;

    @BeforeEach
    void siteWithContentAndMedia() throws IOException {
        Pages pages = new Pages(api);
        JsonNode section = pages.createUnderHome(unique("section"), "Section", Api.textBlock("<p>Section</p>"));
        JsonNode child = pages.create(section.get("id").asLong(), unique("child"), "Child", Api.textBlock("<p>Child é ✓</p>"));
        pages.publish(section.get("id").asLong());
        pages.publish(child.get("id").asLong());
        // A page moved under a newer one: the parent's id is now greater than the child's.
        JsonNode later = pages.createUnderHome(unique("later"), "Later");
        pages.publish(later.get("id").asLong());
        Api.Response moved = api.post("/api/v2/pages/" + section.get("id").asLong() + "/move/", Map.of("parent", later.get("id").asLong(), "position", 0));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        accounts.createSuperuser(unique("author") + "@example.com", "another long password");

        media = VAR_DIR.resolve("media");
        byte[] photo = new byte[20_000];
        new Random(7).nextBytes(photo);
        Files.createDirectories(media.resolve("images/2026"));
        Files.write(media.resolve("images/2026/photo.jpg"), photo);
        Files.writeString(media.resolve("notes.txt"), "media survives\n");
    }

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseHasEveryRowAndFileAndNewRowsGetFreshIds() throws Exception {
        Path archive = Files.createTempDirectory(VAR_DIR, "backup").resolve("site.zip");

        Cli.Result backup = Cli.run(Map.of(), "backup", archive.toString());
        Map<String, List<Map<String, Object>>> source = rows(dataSource);

        assertThat(backup.exitCode()).as(backup.stderr()).isZero();
        assertThat(backup.stdout()).contains("Backed up ", mediaFiles() + " media files");
        try (ScratchDatabase target = ScratchDatabase.create()) {
            Cli.Result restore = Cli.run(target.env(), "restore", archive.toString());
            assertThat(restore.exitCode()).as(restore.stderr()).isZero();
            assertThat(restore.stdout()).contains("Restored ");

            Map<String, List<Map<String, Object>>> restored = rows(target.dataSource());
            assertThat(restored.keySet()).isEqualTo(source.keySet());
            for (String table : source.keySet()) {
                assertThat(restored.get(table)).as("rows of %s", table).isEqualTo(source.get(table));
            }
            assertThat(target.varDir.resolve("media/images/2026/photo.jpg")).hasSameBinaryContentAs(media.resolve("images/2026/photo.jpg"));
            assertThat(target.varDir.resolve("media/notes.txt")).hasContent("media survives");

            long maxUser = Long.parseLong(target.strings("SELECT MAX(id) FROM floe_user").getFirst());
            target.execute("INSERT INTO floe_user (email, superuser, active, created_at) VALUES ('new@example.com', FALSE, TRUE, CURRENT_TIMESTAMP)");
            assertThat(Long.parseLong(target.strings("SELECT id FROM floe_user WHERE email = 'new@example.com'").getFirst()))
                    .as("a new row gets a fresh id").isGreaterThan(maxUser);
        }
    }

    @Test
    void restoreRefusesASiteWithContentUnlessForcedAndForceReplacesIt() throws Exception {
        Path archive = Files.createTempDirectory(VAR_DIR, "backup").resolve("site.zip");
        backups(dataSource, media).backup(archive, false, QUIET);
        long filesBackedUp = mediaFiles();
        int pagesBefore = rows(dataSource).get("page").size();

        Cli.Result refused = Cli.run(Map.of(), "restore", archive.toString());

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr().strip().lines()).hasSize(1);
        assertThat(refused.stderr()).startsWith("floe: This site is not empty (").contains("floe restore --force").endsWith("Nothing was changed.\n");
        assertThat(rows(dataSource).get("page")).hasSize(pagesBefore);

        try (ScratchDatabase target = ScratchDatabase.create()) {
            Backups into = backups(target.dataSource(), target.varDir.resolve("media"));
            into.restore(archive, false, QUIET);
            target.execute("INSERT INTO floe_user (email, superuser, active, created_at) VALUES ('extra@example.com', FALSE, TRUE, CURRENT_TIMESTAMP)");
            Files.writeString(target.varDir.resolve("media/extra.txt"), "extra");

            assertThatThrownBy(() -> into.restore(archive, false, QUIET)).isInstanceOf(RefusedException.class)
                    .hasMessageContaining("floe_user has ").hasMessageContaining("media has " + (filesBackedUp + 1) + " files");
            into.restore(archive, true, QUIET);

            assertThat(target.strings("SELECT email FROM floe_user WHERE email = 'extra@example.com'")).isEmpty();
            assertThat(target.varDir.resolve("media/extra.txt")).doesNotExist();
            assertThat(rows(target.dataSource()).get("page")).isEqualTo(rows(dataSource).get("page"));
        }
    }

    @Test
    void aDamagedOrPaddedArchiveIsRefusedBeforeAnythingChanges() throws Exception {
        Path dir = Files.createTempDirectory(VAR_DIR, "backup");
        Path archive = dir.resolve("site.zip");
        backups(dataSource, media).backup(archive, false, QUIET);
        Path damaged = rewrite(archive, dir.resolve("damaged.zip"), "-page.jsonl", "Child", "Chi1d", null);
        Path padded = rewrite(archive, dir.resolve("padded.zip"), null, null, null, "db/99-extra.jsonl");

        try (ScratchDatabase target = ScratchDatabase.create()) {
            Backups into = backups(target.dataSource(), target.varDir.resolve("media"));

            assertThatThrownBy(() -> into.restore(damaged, false, QUIET))
                    .hasMessageMatching("The backup .*damaged.zip cannot be used: db/[0-9]+-page.jsonl does not match its checksum. Nothing was changed.");
            assertThatThrownBy(() -> into.restore(padded, false, QUIET))
                    .hasMessageContaining("it holds db/99-extra.jsonl, which its manifest does not list");
            assertThat(target.tables()).as("nothing was made in the target").isEmpty();
            assertThat(target.varDir.resolve("media")).doesNotExist();
        }
    }

    @Test
    void aBackupThatCannotBeWrittenSaysWhereAndWhyInOneLine() throws Exception {
        // /proc takes no new files, even from root.
        assertThatThrownBy(() -> backups(dataSource, media).backup(Path.of("/proc/floe-backup.zip"), false, QUIET))
                .hasMessageMatching("The backup failed writing /proc/floe-backup.zip: .+ \\(/proc/floe-backup.zip.partial\\)");

        Path folder = Files.createTempDirectory(VAR_DIR, "backups");
        Cli.Result intoFolder = Cli.run(Map.of(), "backup", folder.toString());
        assertThat(intoFolder.exitCode()).isEqualTo(2);
        assertThat(intoFolder.stderr().strip()).isEqualTo("floe: FILE names a folder, " + folder + "; give the archive's file name,"
                + " such as " + folder.resolve("floe-backup.zip") + " (see floe backup --help)");
    }

    @Test
    void aScrubbedBackupHoldsNoPersonalDataAndStillRestores() throws Exception {
        Path archive = Files.createTempDirectory(VAR_DIR, "backup").resolve("staging.zip");
        List<String> emails = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT email FROM floe_user")) {
            while (rs.next()) {
                emails.add(rs.getString(1));
            }
        }

        backups(dataSource, media).backup(archive, true, QUIET);

        String users = entry(archive, "-floe_user.jsonl");
        String everything = allEntries(archive);
        assertThat(emails).isNotEmpty().allSatisfy(email -> assertThat(everything).doesNotContain(email));
        assertThat(users.lines()).hasSize(emails.size()).allSatisfy(line -> assertThat(line)
                .matches(".*\"email\":\"user-[0-9]+@example\\.invalid\".*")
                .contains("\"name\":null", "\"password_hash\":null"));
        assertThat(entry(archive, "-api_token.jsonl")).isEmpty();
        assertThat(entry(archive, "-page_revision.jsonl")).contains("\"author\":\"user-");

        try (ScratchDatabase target = ScratchDatabase.create()) {
            backups(target.dataSource(), target.varDir.resolve("media")).restore(archive, false, QUIET);
            assertThat(target.strings("SELECT COUNT(*) FROM floe_user")).containsExactly(String.valueOf(emails.size()));
            assertThat(target.strings("SELECT COUNT(*) FROM api_token")).containsExactly("0");
        }
    }

    private Backups backups(DataSource into, Path mediaDir) {
        return new Backups(into, mediaDir, new Migrations(into));
    }

    /** The two files each test adds, and any that tests run before it in this JVM uploaded to the shared media folder. */
    private long mediaFiles() throws IOException {
        try (var files = Files.walk(media)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static Map<String, List<Map<String, Object>>> rows(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return TableRows.of(connection);
        }
    }

    private static String entry(Path archive, String suffix) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> e.getName().endsWith(suffix)).findFirst().orElseThrow();
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static String allEntries(Path archive) throws IOException {
        StringBuilder all = new StringBuilder();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                try (InputStream in = zip.getInputStream(e.nextElement())) {
                    all.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return all.toString();
    }

    /** A copy of the archive with one entry's text changed, or one unlisted entry added. */
    private static Path rewrite(Path archive, Path copy, String suffix, String from, String to, String extra) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (suffix != null && entry.getName().endsWith(suffix)) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
            if (extra != null) {
                out.putNextEntry(new ZipEntry(extra));
                out.write("{}\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return copy;
    }
}
