package dev.floe.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Multipart;

/**
 * The media tests' shared running Floe, with limits small enough to test: 3 MB uploads, 30 million pixels, IIIF
 * output up to 1000×1000 and 600,000 pixels.
 */
@TestPropertySource(properties = {"FLOE_VAR_DIR=${floe.media.test.var}", "floe.media.max-upload-bytes=3000000", "floe.media.max-pixels=30000000",
        "floe.media.iiif.max-width=1000", "floe.media.iiif.max-height=1000", "floe.media.iiif.max-area=600000"})
abstract class MediaTestCase extends FloeIntegrationTest {

    /**
     * The media tests' own var folder (database and media), so that other tests' checks of the shared media folder,
     * such as the backup tests' file counts, never see the media tests' files.
     */
    static final java.nio.file.Path MEDIA_VAR_DIR = ownVarDir("media-run-", "floe.media.test.var");

    static final String IMAGES = "/api/v2/images/";
    static final String DOCUMENTS = "/api/v2/documents/";

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MediaStore store;

    long uploadImage(String name, byte[] content, Map<String, String> fields) {
        Api.Response response = Multipart.upload(api, IMAGES, name, content, fields);
        if (response.status() != 201) {
            throw new AssertionError("upload of " + name + " answered " + response.status() + ": " + response.body());
        }
        return response.json().get("id").asLong();
    }

    long uploadImage(String name, byte[] content) {
        return uploadImage(name, content, Map.of());
    }

    HttpResponse<byte[]> fetch(String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : api.url(path))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new AssertionError("not an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the pixel is clearly red (or blue), allowing for JPEG's losses. */
    static boolean red(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return ((rgb >> 16) & 0xFF) > 180 && (rgb & 0xFF) < 80;
    }

    static boolean blue(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return (rgb & 0xFF) > 180 && ((rgb >> 16) & 0xFF) < 80;
    }

    long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /**
     * The renditions of one image. Counted per image because renditions of other tests' images may be made at any
     * moment, for example by the search outbox rendering their pages' blocks to index the text.
     */
    long renditionRows(long imageId) {
        return jdbc.queryForObject("select count(*) from media_rendition where image_id = ?", Long.class, imageId);
    }

    /** Every stored media file, {@code public/…} or {@code private/…}, in the folder or the bucket in use. */
    List<String> mediaFiles() {
        return Stream.concat(store.keys(MediaStore.Area.PUBLIC).stream().map(k -> "public/" + k),
                store.keys(MediaStore.Area.PRIVATE).stream().map(k -> "private/" + k)).sorted().toList();
    }
}
