package dev.floe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.support.Api;
import dev.floe.support.Jpegs;
import tools.jackson.databind.JsonNode;

/** A photo taken with the phone held sideways shows upright everywhere: its size, renditions, IIIF and the file. */
class ExifOrientationTest extends MediaTestCase {

    @Autowired
    Renditions renditions;

    @Test
    void aJpegTaggedAsTurnedIsStoredUprightWithItsSizeAsShown() {
        // Stored 400×200 with red on the left; orientation 6 says "turn 90° clockwise to show", so red goes on top.
        long id = uploadImage("sideways.jpg", Jpegs.withOrientation(Samples.jpeg(400, 200), 6));

        JsonNode image = api.get(IMAGES + id + "/").json();
        assertThat(image.get("width").asInt()).isEqualTo(200);
        assertThat(image.get("height").asInt()).isEqualTo(400);

        BufferedImage original = decode(fetchOk(MediaLinks.imageOriginal(id)));
        assertThat(original.getWidth()).isEqualTo(200);
        assertThat(original.getHeight()).isEqualTo(400);
        assertRedOnTop(original);

        BufferedImage rendition = decode(fetchOk(renditions.rendition(id, renditions.spec("width-100")).orElseThrow().url()));
        assertThat(rendition.getWidth()).isEqualTo(100);
        assertThat(rendition.getHeight()).isEqualTo(200);
        assertRedOnTop(rendition);

        Api.Response info = anonymous.get("/iiif/3/" + id + "/info.json");
        assertThat(info.json().get("width").asInt()).isEqualTo(200);
        assertThat(info.json().get("height").asInt()).isEqualTo(400);
        BufferedImage topHalf = decode(fetchOk("/iiif/3/" + id + "/0,0,200,200/max/0/default.png"));
        assertThat(red(topHalf, 100, 100)).isTrue();
        assertRedOnTop(decode(fetchOk("/iiif/3/" + id + "/full/max/0/default.jpg")));
    }

    @Test
    void everyOrientationTurnsTheStoredPixelsTheWayTheTagSays() {
        // Where the stored image's left (red) half ends up once shown upright, for each EXIF orientation value.
        String[] redSide = {null, "left", "right", "right", "left", "top", "top", "bottom", "bottom"};
        for (int tag = 1; tag <= 8; tag++) {
            long id = uploadImage("tag-" + tag + ".jpg", Jpegs.withOrientation(Samples.jpeg(400, 200), tag));
            BufferedImage shown = decode(fetchOk(MediaLinks.imageOriginal(id)));
            boolean sideways = tag >= 5;
            assertThat(shown.getWidth()).as("width for tag " + tag).isEqualTo(sideways ? 200 : 400);
            int w = shown.getWidth();
            int h = shown.getHeight();
            String side = red(shown, w / 8, h / 2) && blue(shown, w - w / 8, h / 2) ? "left"
                    : red(shown, w - w / 8, h / 2) && blue(shown, w / 8, h / 2) ? "right"
                    : red(shown, w / 2, h / 8) && blue(shown, w / 2, h - h / 8) ? "top"
                    : red(shown, w / 2, h - h / 8) && blue(shown, w / 2, h / 8) ? "bottom" : "unclear";
            assertThat(side).as("red side for tag " + tag).isEqualTo(redSide[tag]);
        }
    }

    @Test
    void aDamagedExifBlockLeavesTheImageAsStored() {
        byte[] jpeg = Jpegs.withOrientation(Samples.jpeg(400, 200), 6);
        // Break the TIFF header inside the EXIF block: the image is still a good JPEG, just without a usable tag.
        int tiff = indexOf(jpeg, "Exif".getBytes()) + 6;
        jpeg[tiff] = 'X';
        jpeg[tiff + 1] = 'X';
        long id = uploadImage("damaged-exif.jpg", jpeg);
        JsonNode image = api.get(IMAGES + id + "/").json();
        assertThat(image.get("width").asInt()).isEqualTo(400);
        assertThat(image.get("height").asInt()).isEqualTo(200);
    }

    private byte[] fetchOk(String path) {
        HttpResponse<byte[]> response = fetch(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static void assertRedOnTop(BufferedImage image) {
        assertThat(red(image, image.getWidth() / 2, image.getHeight() / 8)).as("red on top").isTrue();
        assertThat(blue(image, image.getWidth() / 2, image.getHeight() - image.getHeight() / 8)).as("blue below").isTrue();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
