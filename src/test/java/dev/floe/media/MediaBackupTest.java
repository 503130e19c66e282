package dev.floe.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.Cli;

/** {@code floe backup} and {@code floe restore} carry the library: rows, originals, renditions and private files. */
class MediaBackupTest extends MediaTestCase {

    @Test
    void imagesDocumentsAndRenditionsRoundTripThroughABackup() throws Exception {
        assumeTrue(store instanceof LocalMediaStore, "media are in the local folder (S3 media are backed up with the bucket)");
        assumeTrue(System.getenv("PGHOST") == null, "restores into a second embedded database");
        long image = uploadImage("backup.jpg", Samples.jpeg(300, 200));
        api.patch(IMAGES + image + "/", Map.of("focal_point", Map.of("x", 250, "y", 100, "width", 10, "height", 10)));
        Api.Response document = Multipart.upload(api, DOCUMENTS, "private.pdf", Samples.pdf("Kept"), Map.of("private", "true"));
        fetch("/iiif/3/" + image + "/full/100,/0/default.jpg");
        Path archive = Files.createTempDirectory(MEDIA_VAR_DIR, "backup").resolve("site.zip");
        Path restoredVar = Files.createTempDirectory(MEDIA_VAR_DIR.getParent(), "media-restored-");

        Cli.Result backup = Cli.run(Map.of("FLOE_VAR_DIR", MEDIA_VAR_DIR.toString()), "backup", archive.toString());
        Cli.Result restore = Cli.run(Map.of("FLOE_VAR_DIR", restoredVar.toString()), "restore", archive.toString());

        assertThat(backup.exitCode()).as(backup.stderr()).isZero();
        assertThat(restore.exitCode()).as(restore.stderr()).isZero();
        for (String file : mediaFiles()) {
            assertThat(restoredVar.resolve("media").resolve(file)).as(file).hasSameBinaryContentAs(MEDIA_VAR_DIR.resolve("media").resolve(file));
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
}
