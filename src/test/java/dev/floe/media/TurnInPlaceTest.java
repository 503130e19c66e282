package dev.floe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class TurnInPlaceTest {

    @Test
    void turningInPlaceGivesEveryPixelTheSamePlaceAsACopyingTurnForEveryOrientation() {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY}) {
            for (int tag = 1; tag <= 8; tag++) {
                ExifOrientation orientation = ExifOrientation.of(tag);
                BufferedImage copied = ImageOps.rotate(numbered(7, 4, type), orientation.degrees(), orientation.mirror());
                BufferedImage inPlace = ImageOps.turnInPlace(numbered(7, 4, type), orientation.degrees(), orientation.mirror());

                String what = "type " + type + ", orientation " + tag;
                assertThat(inPlace.getWidth()).as(what).isEqualTo(copied.getWidth());
                assertThat(inPlace.getHeight()).as(what).isEqualTo(copied.getHeight());
                for (int y = 0; y < copied.getHeight(); y++) {
                    for (int x = 0; x < copied.getWidth(); x++) {
                        // The copying turn makes a gray image three-banded; each of its bands holds the gray value.
                        for (int band = 0; band < inPlace.getRaster().getNumBands(); band++) {
                            assertThat(inPlace.getRaster().getSample(x, y, band)).as(what + " at " + x + "," + y)
                                    .isEqualTo(copied.getRaster().getSample(x, y, band));
                        }
                    }
                }
            }
        }
    }

    @Test
    void theTurnedImageKeepsThePixelsOfTheDecodedOneRatherThanACopy() {
        BufferedImage decoded = numbered(6, 3, BufferedImage.TYPE_3BYTE_BGR);

        BufferedImage turned = ImageOps.turnInPlace(decoded, 90, false);

        assertThat(turned.getRaster().getDataBuffer()).isSameAs(decoded.getRaster().getDataBuffer());
        assertThat(ImageOps.bytesToTurnInPlace(24_000_000L)).as("a 24 MP phone photo").isLessThan(80_000_000L);
        for (long pixels : new long[] {1, 7, 24_000_000L, 26_214_400L}) {
            long bytes = ImageOps.bytesToTurnInPlace(pixels);
            assertThat(ImageOps.pixelsToTurnInPlace(bytes)).as("pixels in " + bytes + " bytes").isGreaterThanOrEqualTo(pixels - 1)
                    .isLessThanOrEqualTo(pixels);
        }
    }

    /** An image whose every pixel differs from the others (in gray, as far as 256 values go). */
    private static BufferedImage numbered(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int n = y * width + x + 1;
                image.getRaster().setPixel(x, y, type == BufferedImage.TYPE_BYTE_GRAY ? new int[] {n * 9}
                        : new int[] {n * 9, 255 - n * 5, n * 3});
            }
        }
        return image;
    }
}
