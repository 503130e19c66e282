package dev.floe.demo;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import dev.floe.media.DocumentView;
import dev.floe.media.FocalPoint;
import dev.floe.media.ImageView;
import dev.floe.media.MediaLibrary;
import dev.floe.media.Upload;

/** The demo's media library: harbour pictures drawn here and a visitor guide, shown by image, gallery, slideshow and file blocks. */
final class DemoMedia {

    private DemoMedia() {
    }

    static List<Map<String, Object>> blocks(MediaLibrary library, String by) {
        long dawn = image(library, "harbour-at-dawn.jpg", "The harbour at dawn", "The lighthouse on the East Pier at sunrise,"
                + " with the sea still dark", new Color(250, 170, 110), new Color(40, 70, 120), 1300, by);
        long noon = image(library, "harbour-at-noon.jpg", "The harbour at noon", "The East Pier lighthouse under a clear"
                + " blue sky", new Color(120, 180, 240), new Color(20, 90, 150), 900, by);
        long dusk = image(library, "harbour-at-dusk.jpg", "The harbour at dusk", "The lighthouse lit against a purple evening"
                + " sky", new Color(110, 70, 140), new Color(20, 30, 70), 500, by);
        long document = document(library, "visitor-guide.pdf", "Visitor guide", by);
        return List.of(
                Map.of("type", "image", "value", Map.of("image", dawn, "size", "content")),
                Map.of("type", "gallery", "value", Map.of("title", "The harbour through the day", "images",
                        List.of(Map.of("image", dawn), Map.of("image", noon), Map.of("image", dusk)))),
                Map.of("type", "slideshow", "value", Map.of("title", "A day on the East Pier", "slides", List.of(
                        Map.of("image", dawn, "caption", "Sunrise"), Map.of("image", noon, "caption", "Noon"),
                        Map.of("image", dusk, "caption", "Dusk")))),
                Map.of("type", "file", "value", Map.of("document", document)));
    }

    /*
     * The uploads are stored before the pages' transaction, so a load stopped in between (the process killed) leaves
     * them behind; the next load takes those instead of filling the library with copies.
     */
    private static long image(MediaLibrary library, String name, String title, String alt, Color sky, Color sea,
                              int lighthouseX, String by) {
        Optional<ImageView> earlier = library.searchImages(title, null, 0, 20).items().stream()
                .filter(image -> image.metadata().title().equals(title) && by.equals(image.updatedBy()))
                .findFirst();
        if (earlier.isPresent()) {
            return earlier.get().id();
        }
        byte[] jpeg = picture(sky, sea, lighthouseX);
        return library.uploadImage(new Upload(name, jpeg.length, () -> new ByteArrayInputStream(jpeg)),
                new MediaLibrary.ImageChanges(title, alt, null, "Floe Harbour Museum", "CC BY 4.0", List.of("harbour"),
                        new FocalPoint(lighthouseX + 40, 520, 200, 500), false), by).id();
    }

    private static long document(MediaLibrary library, String name, String title, String by) {
        Optional<DocumentView> earlier = library.searchDocuments(title, 0, 20).items().stream()
                .filter(document -> document.title().equals(title) && by.equals(document.updatedBy()))
                .findFirst();
        if (earlier.isPresent()) {
            return earlier.get().id();
        }
        byte[] guide = guide();
        return library.uploadDocument(new Upload(name, guide.length, () -> new ByteArrayInputStream(guide)), title,
                List.of("visiting"), false, by).id();
    }

    /** A harbour: sky, sea, a pier and its lighthouse at {@code lighthouseX}. */
    private static byte[] picture(Color sky, Color sea, int lighthouseX) {
        BufferedImage image = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, sky.brighter(), 0, 620, sky));
        g.fillRect(0, 0, 1600, 620);
        g.setPaint(new GradientPaint(0, 620, sea.brighter(), 0, 1000, sea));
        g.fillRect(0, 620, 1600, 380);
        g.setColor(new Color(90, 85, 80));
        g.fillRect(lighthouseX - 300, 700, 600, 40);
        g.setColor(new Color(240, 240, 235));
        g.fillPolygon(new Polygon(new int[]{lighthouseX, lighthouseX + 80, lighthouseX + 60, lighthouseX + 20},
                new int[]{700, 700, 330, 330}, 4));
        g.setColor(new Color(200, 40, 40));
        g.fillRect(lighthouseX + 22, 420, 36, 60);
        g.fillRect(lighthouseX + 10, 300, 60, 30);
        g.setColor(new Color(255, 230, 120));
        g.fillOval(lighthouseX + 25, 250, 30, 50);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] guide() {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 700);
                text.showText("Floe Harbour Museum: visitor guide. Open daily; step-free throughout.");
                text.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
