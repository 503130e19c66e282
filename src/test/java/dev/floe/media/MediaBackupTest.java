package dev.floe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.Cli;
import dev.floe.support.Multipart;

/**
 * {@code floe backup} and {@code floe restore} carry the library: rows, originals, renditions and private files.
 * The archive round trip is between two embedded databases with local media, whatever services the suite runs
 * against (S3 media stay in their bucket and are not archived), so this class runs on a {@link LocalMediaTestCase}.
 */
class MediaBackupTest extends LocalMediaTestCase {

    @Test
    void imagesDocumentsAndRenditionsRoundTripThroughABackup() throws Exception {
        assertThat(store).isInstanceOf(LocalMediaStore.class);
        long image = uploadImage("backup.jpg", Samples.jpeg(300, 200));
        api.patch(IMAGES + image + "/", Map.of("focal_point", Map.of("x", 250, "y", 100, "width", 10, "height", 10)));
        Api.Response document = Multipart.upload(api, DOCUMENTS, "private.pdf", Samples.pdf("Kept"), Map.of("private", "true"));
        fetch("/iiif/3/" + image + "/full/100,/0/default.jpg");
        Path archive = Files.createTempDirectory(LOCAL_MEDIA_VAR_DIR, "backup").resolve("site.zip");
        Path restoredVar = Files.createTempDirectory(LOCAL_MEDIA_VAR_DIR.getParent(), "media-restored-");

        Cli.Result backup = Cli.run(embedded(LOCAL_MEDIA_VAR_DIR), "backup", archive.toString());
        Cli.Result restore = Cli.run(embedded(restoredVar), "restore", archive.toString());

        assertThat(backup.exitCode()).as(backup.stderr()).isZero();
        assertThat(restore.exitCode()).as(restore.stderr()).isZero();
        for (String file : mediaFiles()) {
            assertThat(restoredVar.resolve("media").resolve(file)).as(file).hasSameBinaryContentAs(LOCAL_MEDIA_VAR_DIR.resolve("media").resolve(file));
        }
        assertThat(mediaFiles()).anyMatch(f -> f.startsWith("private/documents/"))
                .anyMatch(f -> f.startsWith("public/renditions/" + image + "/"));
        var database = dev.floe.config.FloeSettings.from(name -> "FLOE_VAR_DIR".equals(name) ? restoredVar.toString() : null).database();
        try (var restored = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             var statement = restored.createStatement()) {
            var rows = statement.executeQuery("select count(*) from media_rendition where image_id = " + image);
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
            var focal = statement.executeQuery("select focal_x from media_image where id = " + image);
            focal.next();
            assertThat(focal.getInt(1)).isEqualTo(250);
            var doc = statement.executeQuery("select private_file from media_document where id = " + document.json().get("id").asLong());
            doc.next();
            assertThat(doc.getBoolean(1)).isTrue();
        }
    }

    /** A command's environment on the embedded database and local media of {@code var}, whatever the suite's is. */
    private static Map<String, String> embedded(Path var) {
        return Map.of("FLOE_VAR_DIR", var.toString(), "AWS_STORAGE_BUCKET_NAME", "", "PGHOST", "", "PGPORT", "",
                "PGDATABASE", "", "PGUSER", "", "PGPASSWORD", "");
    }
}
