package dev.floe.media;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Decoding, scaling and encoding with ImageIO (TwelveMonkeys' readers) and Java 2D. Only the region to keep is
 * decoded, subsampled while it stays at least twice the target size, then scaled down in halving steps with bilinear
 * filtering, which looks as good as bicubic at a fraction of the time.
 */
final class ImageOps {

    private static final float JPEG_QUALITY = 0.85f;
    /** An original turned upright is re-encoded once, so it keeps more than a rendition does. */
    static final float ORIGINAL_JPEG_QUALITY = 0.95f;

    private ImageOps() {
    }

    /**
     * The most pixels a rendition decodes, however large the original: an original at the upload limit (40 MP) decoded
     * whole takes 120–160 MB as Java 2D holds it, more than an instance's heap can spare. Beyond this the region is
     * subsampled further, so a big rendition is made from fewer than twice its pixels.
     */
    static final long MAX_DECODED_PIXELS = 12_000_000;
    /** The largest rendition made: a bigger size in a template is scaled down to this, and IIIF's maxArea is this. */
    static final long MAX_OUTPUT_PIXELS = 8_000_000;

    /**
     * The region of the original, decoded at no less than twice {@code targetWidth}×{@code targetHeight} where that
     * stays within {@link #MAX_DECODED_PIXELS}.
     */
    static BufferedImage decode(Path file, ImageFormat format, Rectangle region, int targetWidth, int targetHeight) throws IOException {
        return decode(file, format, region, subsampling(region, targetWidth, targetHeight, MAX_DECODED_PIXELS));
    }

    /** The whole region, every pixel: for an original turned upright. */
    static BufferedImage decodeWhole(Path file, ImageFormat format, Rectangle region) throws IOException {
        return decode(file, format, region, 1);
    }

    /** How many pixels {@link #decode} decodes for this region and target. */
    static long decodedPixels(Rectangle region, int targetWidth, int targetHeight) {
        int step = subsampling(region, targetWidth, targetHeight, MAX_DECODED_PIXELS);
        return (long) ceilDiv(region.width, step) * ceilDiv(region.height, step);
    }

    private static int subsampling(Rectangle region, int targetWidth, int targetHeight, long maxPixels) {
        int step = Math.max(1, Math.min(region.width / Math.max(1, targetWidth * 2), region.height / Math.max(1, targetHeight * 2)));
        while ((long) ceilDiv(region.width, step) * ceilDiv(region.height, step) > maxPixels) {
            step++;
        }
        return step;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static BufferedImage decode(Path file, ImageFormat format, Rectangle region, int step) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = MediaInspector.reader(format);
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceRegion(region);
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Scales to exactly {@code width}×{@code height}, into RGB, or ARGB when the image has transparency. */
    static BufferedImage resize(BufferedImage source, int width, int height) {
        boolean alpha = source.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        // Not converted first: a copy of the whole decoded region would double what a big one holds.
        BufferedImage current = source;
        int w = current.getWidth();
        int h = current.getHeight();
        while (w != width || h != height) {
            int nextW = w / 2 >= width ? w / 2 : width;
            int nextH = h / 2 >= height ? h / 2 : height;
            if (w < width || h < height) {
                nextW = width;
                nextH = height;
            }
            BufferedImage next = new BufferedImage(nextW, nextH, type);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, nextW, nextH, null);
            } finally {
                g.dispose();
            }
            current = next;
            w = nextW;
            h = nextH;
        }
        return toType(current, type);
    }

    static BufferedImage toType(BufferedImage source, int type) {
        if (source.getType() == type) {
            return source;
        }
        BufferedImage converted = new BufferedImage(source.getWidth(), source.getHeight(), type);
        Graphics2D g = converted.createGraphics();
        try {
            if (type == BufferedImage.TYPE_INT_RGB) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, source.getWidth(), source.getHeight());
            }
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return converted;
    }

    /** Turns by a multiple of 90 degrees clockwise, after mirroring when asked (IIIF's {@code !} rotation). */
    static BufferedImage rotate(BufferedImage source, int degrees, boolean mirror) {
        if (degrees % 360 == 0 && !mirror) {
            return source;
        }
        boolean quarter = degrees % 180 != 0;
        int w = quarter ? source.getHeight() : source.getWidth();
        int h = quarter ? source.getWidth() : source.getHeight();
        BufferedImage turned = new BufferedImage(w, h, kind(source));
        Graphics2D g = turned.createGraphics();
        // One transform, one copy: the last step added is the first applied, so the mirror comes before the turn.
        AffineTransform transform = new AffineTransform();
        transform.translate(w / 2.0, h / 2.0);
        transform.rotate(Math.toRadians(degrees));
        transform.translate(-source.getWidth() / 2.0, -source.getHeight() / 2.0);
        if (mirror) {
            transform.translate(source.getWidth(), 0);
            transform.scale(-1, 1);
        }
        g.drawImage(source, transform, null);
        g.dispose();
        return turned;
    }

    /** Bytes {@link #turnInPlace} needs for a decoded JPEG of this many pixels: its pixels and a bit for each. */
    static long bytesToTurnInPlace(long pixels) {
        return pixels * 3 + pixels / 8 + 1;
    }

    /** The most pixels {@link #turnInPlace} can turn within {@code bytes}: the inverse of {@link #bytesToTurnInPlace}. */
    static long pixelsToTurnInPlace(long bytes) {
        return (bytes - 1) * 8 / 25;
    }

    /**
     * {@link #rotate} without a second copy of the pixels, for an image decoded into one byte array with its samples
     * interleaved (as a JPEG decodes: 3 bytes a pixel, 1 for gray): each pixel moves once to where the turn puts it,
     * following the cycles of that permutation, so a 24 MP phone photo needs 72 MB instead of twice that. Any other
     * layout is turned by {@link #rotate}.
     */
    static BufferedImage turnInPlace(BufferedImage source, int degrees, boolean mirror) {
        int turn = Math.floorMod(degrees, 360);
        if (turn == 0 && !mirror) {
            return source;
        }
        WritableRaster raster = source.getRaster();
        int width = source.getWidth();
        int height = source.getHeight();
        if (!(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel model)
                || raster.getParent() != null || raster.getMinX() != 0 || raster.getMinY() != 0
                || model.getPixelStride() != model.getNumBands() || model.getScanlineStride() != width * model.getPixelStride()
                || buffer.getOffset() != 0 || buffer.getData().length != (long) width * height * model.getPixelStride()
                || model.getPixelStride() > 4 || source.getColorModel().hasAlpha()) {
            return rotate(source, degrees, mirror);
        }
        boolean quarter = turn % 180 != 0;
        int turnedWidth = quarter ? height : width;
        int turnedHeight = quarter ? width : height;
        byte[] data = buffer.getData();
        int size = model.getPixelStride();
        int pixels = width * height;
        BitSet placed = new BitSet(pixels);
        // A pixel of up to 4 bytes is carried in an int. Most of the time goes to cache misses: the cycles jump
        // across the whole array (about 2 s for 24 MP here, against 0.1 s for the copying turn).
        for (int start = 0; start < pixels; start++) {
            if (placed.get(start)) {
                continue;
            }
            int carried = read(data, start * size, size);
            int from = start;
            do {
                int y = from / width;
                int x = from - y * width;
                if (mirror) {
                    x = width - 1 - x;
                }
                int to = switch (turn) {
                    case 90 -> x * turnedWidth + (height - 1 - y);
                    case 180 -> (height - 1 - y) * turnedWidth + (width - 1 - x);
                    case 270 -> (width - 1 - x) * turnedWidth + y;
                    default -> y * turnedWidth + x;
                };
                int displaced = read(data, to * size, size);
                write(data, to * size, size, carried);
                carried = displaced;
                placed.set(to);
                from = to;
            } while (from != start);
        }
        WritableRaster turned = Raster.createInterleavedRaster(buffer, turnedWidth, turnedHeight, turnedWidth * size, size,
                model.getBandOffsets(), null);
        return new BufferedImage(source.getColorModel(), turned, source.isAlphaPremultiplied(), null);
    }

    private static int read(byte[] data, int at, int size) {
        int value = 0;
        for (int i = 0; i < size; i++) {
            value = value << 8 | (data[at + i] & 0xFF);
        }
        return value;
    }

    private static void write(byte[] data, int at, int size, int value) {
        for (int i = size - 1; i >= 0; i--) {
            data[at + i] = (byte) value;
            value >>>= 8;
        }
    }

    static BufferedImage gray(BufferedImage source) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(toType(source, BufferedImage.TYPE_INT_RGB), 0, 0, null);
        g.dispose();
        return out;
    }

    static BufferedImage bitonal(BufferedImage source) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = out.createGraphics();
        g.drawImage(gray(source), 0, 0, null);
        g.dispose();
        return out;
    }

    private static int kind(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            // A decoded JPEG, turned upright whole on upload: a copy of 3 bytes a pixel rather than 4.
            return BufferedImage.TYPE_3BYTE_BGR;
        }
        return image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    /** Encodes to JPEG (quality 85, baseline), PNG or GIF. */
    static void encode(BufferedImage image, ImageFormat format, Path target) throws IOException {
        encode(image, format, target, JPEG_QUALITY);
    }

    static void encode(BufferedImage image, ImageFormat format, Path target, float jpegQuality) throws IOException {
        BufferedImage out = format == ImageFormat.JPEG && image.getColorModel().hasAlpha()
                ? toType(image, BufferedImage.TYPE_INT_RGB) : image;
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.label());
        if (!writers.hasNext()) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        ImageWriter writer = writers.next();
        try (OutputStream file = Files.newOutputStream(target); ImageOutputStream stream = ImageIO.createImageOutputStream(file)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(jpegQuality);
                // Baseline, not progressive: progressive JPEGs take several times longer to decode in Java.
            }
            writer.write(null, new IIOImage(out, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** The format a rendition of {@code source} is written in: JPEG for photographs, PNG where transparency may matter. */
    static ImageFormat outputFormat(ImageFormat source) {
        return switch (source) {
            case JPEG -> ImageFormat.JPEG;
            case PNG, GIF, WEBP -> ImageFormat.PNG;
            case SVG -> ImageFormat.SVG;
        };
    }
}
