package dev.floe.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.stereotype.Component;

/**
 * Decides what an uploaded file is from its bytes, never its name, and refuses what is broken or too big before
 * decoding it: the pixel count comes from the header, and a raster image must then decode to its last byte.
 */
@Component
class MediaInspector {

    private static final int MAX_DIMENSION = 65_535;
    private static final int MAX_PDF_TEXT_PAGES = 500;
    private static final int MAX_TEXT_CHARS = 1_000_000;
    private static final int MAX_ZIP_ENTRIES = 20_000;
    /** Verifying a big image decodes it subsampled to about this many pixels: every byte is read, memory stays small. */
    private static final long VERIFY_PIXELS = 2_000_000;

    private final MediaLimits limits;

    MediaInspector(MediaLimits limits) {
        this.limits = limits;
    }

    /**
     * What an image upload turned out to be: its size as shown upright; {@code svg} holds the sanitized SVG to store
     * instead of the upload; {@code orientation} how a JPEG's stored pixels must be turned to show upright.
     */
    record InspectedImage(ImageFormat format, int width, int height, byte[] svg, ExifOrientation orientation) {
    }

    record InspectedDocument(DocumentKind kind, String text) {
    }

    InspectedImage inspectImage(Path file) {
        byte[] head = head(file, 64);
        Optional<ImageFormat> raster = rasterFormat(head);
        if (raster.isPresent()) {
            return inspectRaster(file, raster.get());
        }
        if (looksLikeXml(head)) {
            return inspectSvg(file);
        }
        Optional<DocumentKind> document = documentMagic(head);
        if (document.isPresent()) {
            throw MediaRejectedException.unsupported("The file is a document (" + document.get().extension().toUpperCase(Locale.ROOT)
                    + "), not an image; upload it to /api/v2/documents/ instead.");
        }
        throw MediaRejectedException.unsupported("The file is not a JPEG, PNG, GIF, WebP or SVG image (whatever its name"
                + " says); upload one of those.");
    }

    InspectedDocument inspectDocument(Path file, String fileName) {
        byte[] head = head(file, 1024);
        if (rasterFormat(head).isPresent() || looksLikeXml(head)) {
            throw MediaRejectedException.unsupported("The file is an image; upload it to /api/v2/images/ instead.");
        }
        if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return new InspectedDocument(DocumentKind.PDF, pdfText(file));
        }
        if (startsWith(head, new byte[]{'P', 'K', 3, 4})) {
            DocumentKind kind = officeKind(file);
            return new InspectedDocument(kind, OfficeText.extract(file, kind, MAX_TEXT_CHARS));
        }
        if (startsWith(head, OLE)) {
            String extension = extension(fileName);
            return switch (extension) {
                case "doc" -> new InspectedDocument(DocumentKind.DOC, null);
                case "xls" -> new InspectedDocument(DocumentKind.XLS, null);
                case "ppt" -> new InspectedDocument(DocumentKind.PPT, null);
                default -> throw MediaRejectedException.unsupported("The file is an old Microsoft Office file; name it"
                        + " .doc, .xls or .ppt after what it is, or save it as PDF or a current Office format.");
            };
        }
        throw MediaRejectedException.unsupported("The file is not a PDF or an office document (DOCX, XLSX, PPTX, ODT, ODS,"
                + " ODP, DOC, XLS, PPT), whatever its name says.");
    }

    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    static Optional<ImageFormat> rasterFormat(byte[] head) {
        if (startsWith(head, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(head, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Optional.of(ImageFormat.PNG);
        }
        if (startsWith(head, "GIF87a".getBytes(StandardCharsets.US_ASCII)) || startsWith(head, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(ImageFormat.GIF);
        }
        if (head.length >= 12 && startsWith(head, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && Arrays.equals(Arrays.copyOfRange(head, 8, 12), "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(ImageFormat.WEBP);
        }
        return Optional.empty();
    }

    private static Optional<DocumentKind> documentMagic(byte[] head) {
        if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(DocumentKind.PDF);
        }
        if (startsWith(head, new byte[]{'P', 'K', 3, 4})) {
            return Optional.of(DocumentKind.DOCX);
        }
        if (startsWith(head, OLE)) {
            return Optional.of(DocumentKind.DOC);
        }
        return Optional.empty();
    }

    private InspectedImage inspectRaster(Path file, ImageFormat format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(format);
            try {
                reader.setInput(in, true, true);
                // The size comes from the header alone: a decompression bomb is refused before any pixel is decoded.
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkPixels(width, height);
                checkEnding(file, format);
                AtomicReference<String> warning = new AtomicReference<>();
                reader.addIIOReadWarningListener((source, message) -> warning.compareAndSet(null, message));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(width, height, VERIFY_PIXELS);
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
                if (warning.get() != null) {
                    throw MediaRejectedException.broken("The " + format.name() + " image is damaged or cut short ("
                            + warning.get() + "); upload the whole file again.");
                }
                ExifOrientation orientation = format == ImageFormat.JPEG ? ExifOrientation.of(file) : ExifOrientation.UPRIGHT;
                return orientation.swapsSides() ? new InspectedImage(format, height, width, null, orientation)
                        : new InspectedImage(format, width, height, null, orientation);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MediaRejectedException rejected) {
                throw rejected;
            }
            throw MediaRejectedException.broken("The " + format.name() + " image cannot be read: it is damaged or cut short ("
                    + describe(e) + "); upload the whole file again.");
        }
    }

    void checkPixels(long width, long height) {
        if (width < 1 || height < 1) {
            throw MediaRejectedException.broken("The image says it is " + width + "×" + height + " pixels, which is not a"
                    + " real size.");
        }
        if (width > MAX_DIMENSION || height > MAX_DIMENSION || width * height > limits.maxPixels()) {
            throw new MediaRejectedException(413, "file", "The image is " + width + "×" + height + " pixels ("
                    + String.format(Locale.ROOT, "%,d", width * height) + "); at most "
                    + String.format(Locale.ROOT, "%,d", limits.maxPixels()) + " pixels are accepted. Scale it down first.");
        }
    }

    /** Every format ends in a known way; a file cut short does not, whatever a lenient decoder would make of it. */
    private static void checkEnding(Path file, ImageFormat format) {
        byte[] tail = tail(file, 16);
        boolean whole = switch (format) {
            case JPEG -> indexOf(tail, new byte[]{(byte) 0xFF, (byte) 0xD9}) >= 0;
            case GIF -> tail.length > 0 && tail[tail.length - 1] == 0x3B;
            case PNG -> indexOf(tail, "IEND".getBytes(StandardCharsets.US_ASCII)) >= 0;
            case WEBP -> riffComplete(file);
            case SVG -> true;
        };
        if (!whole) {
            throw MediaRejectedException.broken("The " + format.name() + " image is cut short (it does not end as a "
                    + format.name() + " file must); upload the whole file again.");
        }
    }

    private static boolean riffComplete(Path file) {
        byte[] head = head(file, 8);
        long declared = (head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16 | (head[7] & 0xFFL) << 24;
        try {
            return Files.size(file) >= declared + 8;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImageReader reader(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.label());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        return readers.next();
    }

    /** The subsampling step that brings an image down to about {@code pixels} pixels. */
    static int subsampling(long width, long height, long pixels) {
        return (int) Math.max(1, Math.floor(Math.sqrt((double) width * height / pixels)));
    }

    private static final Pattern LENGTH = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(px)?\\s*$");
    private static final Pattern VIEW_BOX = Pattern.compile("^\\s*[-0-9.eE]+[\\s,]+[-0-9.eE]+[\\s,]+([0-9.eE]+)[\\s,]+([0-9.eE]+)\\s*$");

    private InspectedImage inspectSvg(Path file) {
        byte[] clean;
        try (InputStream in = Files.newInputStream(file)) {
            clean = SvgSanitizer.sanitize(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The sanitized file is parsed once more only to read its size; it is small and known to be safe.
        org.w3c.dom.Element root;
        try (InputStream in = new ByteArrayInputStream(clean)) {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = factory.newDocumentBuilder().parse(in).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("the sanitized SVG does not parse", e);
        }
        int width = length(root.getAttribute("width"));
        int height = length(root.getAttribute("height"));
        Matcher box = VIEW_BOX.matcher(root.getAttribute("viewBox"));
        if ((width <= 0 || height <= 0) && box.matches()) {
            double boxWidth = Double.parseDouble(box.group(1));
            double boxHeight = Double.parseDouble(box.group(2));
            if (boxWidth > 0 && boxHeight > 0) {
                width = width > 0 ? width : height > 0 ? (int) Math.round(height * boxWidth / boxHeight) : (int) Math.round(boxWidth);
                height = height > 0 ? height : (int) Math.round(width * boxHeight / boxWidth);
            }
        }
        if (width <= 0 || height <= 0) {
            width = 300;
            height = 150;
        }
        return new InspectedImage(ImageFormat.SVG, Math.min(width, MAX_DIMENSION), Math.min(height, MAX_DIMENSION), clean,
                ExifOrientation.UPRIGHT);
    }

    private static int length(String value) {
        Matcher m = LENGTH.matcher(value == null ? "" : value);
        return m.matches() ? (int) Math.round(Math.min(Double.parseDouble(m.group(1)), MAX_DIMENSION)) : -1;
    }

    private static boolean looksLikeXml(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        return text.startsWith("<?xml") || text.startsWith("<svg") || text.startsWith("<!--") || text.startsWith("<!DOCTYPE svg");
    }

    private String pdfText(Path file) {
        if (indexOf(tail(file, 1024), "%%EOF".getBytes(StandardCharsets.US_ASCII)) < 0) {
            throw MediaRejectedException.broken("The PDF is cut short (it has no %%EOF end marker); upload the whole file again.");
        }
        try (PDDocument pdf = Loader.loadPDF(file.toFile(), null, null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (pdf.getNumberOfPages() < 1) {
                throw MediaRejectedException.broken("The PDF has no pages.");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(Math.min(pdf.getNumberOfPages(), MAX_PDF_TEXT_PAGES));
            String text = stripper.getText(pdf).strip();
            return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
        } catch (InvalidPasswordException e) {
            throw MediaRejectedException.broken("The PDF is protected by a password; upload a copy without one.");
        } catch (IOException e) {
            throw MediaRejectedException.broken("The PDF cannot be read: it is damaged (" + describe(e) + ").");
        }
    }

    private static DocumentKind officeKind(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ZIP_ENTRIES) {
                throw MediaRejectedException.broken("The archive holds " + zip.size() + " entries, too many for a document.");
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() < 200) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String type = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                    for (DocumentKind kind : new DocumentKind[]{DocumentKind.ODT, DocumentKind.ODS, DocumentKind.ODP}) {
                        if (kind.contentType().equals(type)) {
                            return kind;
                        }
                    }
                }
            }
            if (zip.getEntry("[Content_Types].xml") != null) {
                if (zip.getEntry("word/document.xml") != null) {
                    return DocumentKind.DOCX;
                }
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return DocumentKind.XLSX;
                }
                if (zip.getEntry("ppt/presentation.xml") != null) {
                    return DocumentKind.PPTX;
                }
            }
            throw MediaRejectedException.unsupported("The file is a ZIP archive but not an office document (DOCX, XLSX,"
                    + " PPTX, ODT, ODS or ODP).");
        } catch (ZipException e) {
            throw MediaRejectedException.broken("The document is damaged or cut short (its ZIP directory cannot be read);"
                    + " upload the whole file again.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.lines().findFirst().orElse(message);
        return message.length() > 150 ? message.substring(0, 150) : message;
    }

    static byte[] head(Path file, int bytes) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] tail(Path file, int bytes) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int n = (int) Math.min(bytes, length);
            byte[] out = new byte[n];
            raf.seek(length - n);
            raf.readFully(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
