package dev.floe.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * How a JPEG's pixels must be turned to show upright, from its EXIF orientation tag (a phone held sideways stores
 * the pixels as the sensor saw them and says so in the tag): mirrored first when asked, then turned clockwise.
 */
record ExifOrientation(int degrees, boolean mirror) {

    static final ExifOrientation UPRIGHT = new ExifOrientation(0, false);

    /** The orientation a JPEG declares; upright when it declares none, or one that cannot be read. */
    static ExifOrientation of(Path jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(jpeg.toFile())) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return UPRIGHT;
            }
            try (InputStream data = exif.getFirst().data()) {
                // The segment's data starts after "Exif\0" with one more padding byte before the TIFF header, whose
                // offsets count from the header: it must be position 0 of the stream the TIFF reader gets.
                if (data.read() < 0) {
                    return UPRIGHT;
                }
                Directory directory;
                try (ImageInputStream tiff = ImageIO.createImageInputStream(data)) {
                    directory = new TIFFReader().read(tiff);
                }
                Entry tag = directory.getEntryById(TIFF.TAG_ORIENTATION);
                return tag != null && tag.getValue() instanceof Number value ? of(value.intValue()) : UPRIGHT;
            }
        } catch (IOException | RuntimeException e) {
            // Metadata is advisory: an image whose EXIF block is damaged is still an image, shown as stored.
            return UPRIGHT;
        }
    }

    /** The turn for each EXIF orientation value, 1 to 8 (TIFF 6.0's table); other values are treated as upright. */
    static ExifOrientation of(int tag) {
        return switch (tag) {
            case 2 -> new ExifOrientation(0, true);
            case 3 -> new ExifOrientation(180, false);
            case 4 -> new ExifOrientation(180, true);
            case 5 -> new ExifOrientation(270, true);
            case 6 -> new ExifOrientation(90, false);
            case 7 -> new ExifOrientation(90, true);
            case 8 -> new ExifOrientation(270, false);
            default -> UPRIGHT;
        };
    }

    boolean upright() {
        return degrees == 0 && !mirror;
    }

    /** Whether showing the image upright swaps its width and height. */
    boolean swapsSides() {
        return degrees % 180 != 0;
    }
}
