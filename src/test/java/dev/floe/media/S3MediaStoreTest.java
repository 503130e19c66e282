package dev.floe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.floe.config.MailAndMediaSettings;
import dev.floe.config.SettingsException;

/** The S3 media store against a real S3-compatible server: files in, out, listed, deleted, and presigned links. */
class S3MediaStoreTest {

    private final S3ProxyServer server = S3ProxyServer.shared();
    private final String bucket = server.newBucket();
    private final S3MediaStore store = new S3MediaStore(settings(bucket));

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void filesGoInComeOutAndGoAwayKeepingAreasApart() throws IOException {
        Path file = Files.createTempFile("floe", ".pdf");
        Files.write(file, Samples.pdf("S3"));

        store.put(MediaStore.Area.PUBLIC, "documents/a/open.pdf", file, "application/pdf");
        store.put(MediaStore.Area.PRIVATE, "documents/b/closed.pdf", file, "application/pdf");

        assertThat(store.keys(MediaStore.Area.PUBLIC)).containsExactly("documents/a/open.pdf");
        assertThat(store.keys(MediaStore.Area.PRIVATE)).containsExactly("documents/b/closed.pdf");
        assertThat(store.exists(MediaStore.Area.PUBLIC, "documents/b/closed.pdf")).isFalse();
        Optional<MediaStore.Stored> stored = store.open(MediaStore.Area.PUBLIC, "documents/a/open.pdf");
        try (InputStream in = stored.orElseThrow().content()) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(file));
        }
        assertThat(stored.get().length()).isEqualTo(Files.size(file));
        try (var client = server.client()) {
            assertThat(client.headObject(b -> b.bucket(bucket).key("private/documents/b/closed.pdf")).contentType())
                    .isEqualTo("application/pdf");
        }
        store.delete(MediaStore.Area.PUBLIC, "documents/a/open.pdf");
        assertThat(store.open(MediaStore.Area.PUBLIC, "documents/a/open.pdf")).isEmpty();
        assertThat(store.exists(MediaStore.Area.PRIVATE, "documents/b/closed.pdf")).isTrue();
        Files.delete(file);
    }

    @Test
    void aPresignedLinkServesThePrivateFileUntilItExpiresAndNotWhenAltered() throws Exception {
        Path file = Files.createTempFile("floe", ".pdf");
        byte[] pdf = Samples.pdf("Presigned");
        Files.write(file, pdf);
        store.put(MediaStore.Area.PRIVATE, "documents/c/minutes.pdf", file, "application/pdf");

        String link = store.presign(MediaStore.Area.PRIVATE, "documents/c/minutes.pdf", Duration.ofSeconds(2),
                "Board minutes.pdf", "application/pdf").orElseThrow().toString();
        HttpResponse<byte[]> fresh = get(link);
        HttpResponse<byte[]> altered = get(link.replace("minutes.pdf", "other.pdf"));
        Thread.sleep(3_500);
        HttpResponse<byte[]> expired = get(link);

        assertThat(link).startsWith(server.endpoint() + "/" + bucket + "/private/documents/c/minutes.pdf?");
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.body()).isEqualTo(pdf);
        assertThat(altered.statusCode()).isEqualTo(403);
        assertThat(expired.statusCode()).isEqualTo(403);
        Files.delete(file);
    }

    @Test
    void aMissingBucketStopsStartUpNamingTheVariable() {
        try {
            new S3MediaStore(settings("no-such-bucket-" + System.nanoTime())).close();
            throw new AssertionError("a missing bucket was accepted");
        } catch (SettingsException e) {
            assertThat(e.getMessage()).startsWith("AWS_STORAGE_BUCKET_NAME").contains("does not exist");
        }
    }

    private MailAndMediaSettings.S3 settings(String bucketName) {
        return MailAndMediaSettings.from(name -> switch (name) {
            case "AWS_STORAGE_BUCKET_NAME" -> bucketName;
            case "AWS_ACCESS_KEY_ID" -> S3ProxyServer.ACCESS_KEY;
            case "AWS_SECRET_ACCESS_KEY" -> S3ProxyServer.SECRET_KEY;
            case "AWS_S3_ENDPOINT_URL" -> server.endpoint().toString();
            default -> null;
        }).s3().orElseThrow();
    }

    private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
