package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.Cli;
import dev.floe.support.Jpegs;
import dev.floe.support.Multipart;

/**
 * An instance with the heap and out-of-memory rule every instance runs with (deploy/image/java-options) makes big
 * renditions of an original at the upload limit, several at once, and keeps serving. Before renditions were held to
 * a share of the heap, one anonymous IIIF request for such an image's full size ended the process; turning such a
 * photo upright on upload did too: a 24 MP phone photo is now turned in place, and a 40 MP one is refused with a
 * clear error.
 */
class LargeImagesOnTheProductionHeapTest {

    /** 7,700 × 5,190: just under the default upload limit of 40 megapixels, as a modern camera takes them. */
    private static final int WIDTH = 7_700;
    private static final int HEIGHT = 5_190;

    private ScratchDatabase db;
    private ServingProcess serving;

    @BeforeEach
    void emptyDatabase() {
        db = ScratchDatabase.create();
    }

    @AfterEach
    void stopAndDrop() throws Exception {
        if (serving != null) {
            serving.close();
        }
        db.close();
    }

    @Test
    void bigRenditionsOfAFortyMegapixelImageMadeAtOnceLeaveTheInstanceServing() throws Exception {
        Map<String, String> env = environment();
        assertThat(Cli.run(env, "migrate").exitCode()).isZero();
        // The editor's account, the instance and the photo are made side by side: each alone keeps one core busy.
        CompletableFuture<String> token = CompletableFuture.supplyAsync(() -> {
            Cli.Result user = Cli.runWithInput(env, "correct horse battery staple\n", "createsuperuser", "--email", "big@example.com",
                    "--password-stdin");
            assertThat(user.exitCode()).as(user.stderr()).isZero();
            return Cli.run(env, "createtoken", "--email", "big@example.com").lastLine();
        });
        CompletableFuture<byte[]> camera = CompletableFuture.supplyAsync(() -> jpeg(WIDTH, HEIGHT));
        serving = ServingProcess.start(env, List.of("-Xmx256m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError"));
        Api editor = new Api(serving.port, token.join());
        Api.Response uploaded = Multipart.upload(editor, "/api/v2/images/", "camera.jpg", camera.join(), Map.of("title", "Camera"));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        long id = uploaded.json().get("id").asLong();

        List<String> requests = List.of("/iiif/3/" + id + "/full/max/0/default.jpg", "/iiif/3/" + id + "/full/3000,/0/default.jpg",
                "/iiif/3/" + id + "/10,10,7600,5100/max/90/default.png", "/iiif/3/" + id + "/full/max/0/gray.jpg");
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService together = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String request : requests) {
                answers.add(together.submit(() -> serving.status(request)));
            }
        }
        for (int i = 0; i < requests.size(); i++) {
            assertThat(answers.get(i).get()).as(requests.get(i) + "; the instance's output:\n" + tail(serving.output())).isEqualTo(200);
        }
        assertThat(serving.status("/-/health/live")).as("still serving").isEqualTo(200);

        // The same photo, taken sideways: turning 40 MP upright would take more than the heap's share for images.
        Api.Response sideways = Multipart.upload(editor, "/api/v2/images/", "portrait.jpg",
                Jpegs.withOrientation(jpeg(WIDTH, HEIGHT), 6), Map.of("title", "Portrait"));
        assertThat(sideways.status()).as(sideways.body()).isEqualTo(413);
        assertThat(sideways.body()).contains("EXIF orientation", "Turn it upright before uploading it");
        assertThat(serving.status("/-/health/live")).as("still serving").isEqualTo(200);
        assertThat(editor.get("/api/v2/images/").json().get("items")).as("nothing stored of the refused upload").hasSize(1);
        // A phone's 24 MP photo (a 2023 iPhone's default) taken sideways is turned upright, in place.
        Api.Response phone = Multipart.upload(editor, "/api/v2/images/", "phone.jpg", Jpegs.withOrientation(jpeg(5_712, 4_284), 6),
                Map.of("title", "Phone"));
        assertThat(phone.status()).as(phone.body()).isEqualTo(201);
        assertThat(List.of(phone.json().get("width").asInt(), phone.json().get("height").asInt())).containsExactly(4_284, 5_712);
        assertThat(serving.status("/-/health/live")).as("still serving").isEqualTo(200);
    }

    private Map<String, String> environment() {
        Map<String, String> env = db.envAlone();
        env.put("BASE_SETTINGS_MODULE", "test");
        return env;
    }

    /** A JPEG of blocks of colour: about 1 MB at 40 MP. */
    private static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(7);
        int[] block = new int[32 * 32];
        for (int y = 0; y < height; y += 32) {
            for (int x = 0; x < width; x += 32) {
                java.util.Arrays.fill(block, random.nextInt());
                int w = Math.min(32, width - x);
                int h = Math.min(32, height - y);
                image.setRGB(x, y, w, h, block, 0, 32);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String output) {
        return output.substring(Math.max(0, output.length() - 3_000));
    }
}
