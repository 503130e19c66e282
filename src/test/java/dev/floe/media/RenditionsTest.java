package dev.floe.media;

import static dev.floe.api.Refusal.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.support.Api;
import dev.floe.support.Multipart;
import dev.floe.support.Pages;
import dev.floe.support.Race;
import tools.jackson.databind.JsonNode;

/** Renditions: the right pixels cut around the focal point, made once, reused, and dropped when the file changes. */
class RenditionsTest extends MediaTestCase {

    @Autowired
    Renditions renditions;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void aFillCropIsCentredOnTheFocalPoint() {
        // 800×400: red on the left half, blue on the right.
        long centred = uploadImage("centred.png", Samples.png(800, 400));
        long focusedRight = uploadImage("right.png", Samples.png(800, 400), Map.of("focal_point", "700,200,50,50"));
        long focusedLeft = uploadImage("left.png", Samples.png(800, 400), Map.of("focal_point", "20,200,10,10"));

        BufferedImage middle = render(centred, "fill-200x200");
        BufferedImage right = render(focusedRight, "fill-200x200");
        BufferedImage left = render(focusedLeft, "fill-200x200");

        assertThat(middle.getWidth()).isEqualTo(200);
        assertThat(middle.getHeight()).isEqualTo(200);
        assertThat(red(middle, 20, 100)).as("the centre crop spans both halves").isTrue();
        assertThat(blue(middle, 180, 100)).isTrue();
        assertThat(blue(right, 5, 5)).as("a crop around x=700 is all blue").isTrue();
        assertThat(blue(right, 195, 195)).isTrue();
        assertThat(red(left, 5, 5)).as("a crop around x=20 keeps to the left edge, all red").isTrue();
        assertThat(red(left, 195, 195)).isTrue();
    }

    @Test
    void changingTheFocalPointRecropsTheImage() {
        long id = uploadImage("moving.png", Samples.png(800, 400));
        String before = url(id, "fill-100x100");

        Api.Response patched = api.patch(IMAGES + id + "/", Map.of("focal_point", Map.of("x", 790, "y", 10, "width", 5, "height", 5)));
        String after = url(id, "fill-100x100");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(after).isNotEqualTo(before);
        assertThat(fetch(before).statusCode()).isEqualTo(404);
        assertThat(blue(decode(fetch(after).body()), 50, 50)).isTrue();
    }

    @Test
    void sizesScaleWithoutEverEnlarging() {
        long id = uploadImage("small.jpg", Samples.jpeg(600, 300));

        assertThat(size(id, "width-300")).containsExactly(300, 150);
        assertThat(size(id, "width-1200")).containsExactly(600, 300);
        assertThat(size(id, "height-100")).containsExactly(200, 100);
        assertThat(size(id, "max-200x200")).containsExactly(200, 100);
        assertThat(size(id, "fill-1000x1000")).as("a fill larger than the image keeps its shape").containsExactly(300, 300);
        assertThat(size(id, "original")).containsExactly(600, 300);
        assertThat(size(id, "list")).as("the named size list is fill-600x400").containsExactly(450, 300);
    }

    @Test
    void aRenditionIsMadeOnceAndReused() {
        long id = uploadImage("once.jpg", Samples.jpeg(400, 300));
        long before = renditionRows(id);

        String first = url(id, "fill-120x90");
        String second = url(id, "fill-120x90");

        assertThat(second).isEqualTo(first);
        assertThat(renditionRows(id)).isEqualTo(before + 1);
        HttpResponse<byte[]> served = fetch(first);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
    }

    @Test
    void concurrentFirstRequestsMakeOneRendition() throws Exception {
        long id = uploadImage("busy.jpg", Samples.jpeg(1600, 1200));
        long before = renditionRows(id);
        int renditionFiles = renditionFiles(id);
        Set<String> urls = new HashSet<>(Race.run(() -> url(id, "fill-300x200"), 8));

        assertThat(urls).hasSize(1);
        assertThat(renditionRows(id)).isEqualTo(before + 1);
        assertThat(renditionFiles(id)).isEqualTo(renditionFiles + 1);
        assertThat(decode(fetch(urls.iterator().next()).body()).getWidth()).isEqualTo(300);
    }

    @Test
    void replacingTheFileKeepsTheAddressAndDropsOldRenditions() {
        long id = uploadImage("replace-me.png", Samples.png(400, 200));
        String original = api.get(IMAGES + id + "/").json().get("url").asString();
        String oldRendition = url(id, "width-100");

        Api.Response replaced = Multipart.send(api, "PUT", IMAGES + id + "/file/", "new.jpg", Samples.jpeg(300, 300), Map.of());
        String newRendition = url(id, "width-100");

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("url").asString()).isEqualTo(original);
        assertThat(replaced.json().get("format").asString()).isEqualTo("jpeg");
        assertThat(replaced.json().get("width").asInt()).isEqualTo(300);
        assertThat(decode(fetch(original).body()).getHeight()).isEqualTo(300);
        assertThat(fetch(oldRendition).statusCode()).isEqualTo(404);
        assertThat(newRendition).isNotEqualTo(oldRendition);
        assertThat(decode(fetch(newRendition).body()).getHeight()).isEqualTo(100);
        assertThat(jdbc.queryForObject("select count(*) from media_rendition where image_id = ?", Long.class, id)).isEqualTo(1);
    }

    @Test
    void aReplacementThatIsBrokenChangesNothing() {
        long id = uploadImage("keep.png", Samples.png(100, 50));
        JsonNode before = api.get(IMAGES + id + "/").json();

        assertRefused(Multipart.send(api, "PUT", IMAGES + id + "/file/", "broken.png", Samples.truncated(Samples.png(300, 300)), Map.of()), 422);

        assertThat(api.get(IMAGES + id + "/").json()).isEqualTo(before);
        assertThat(decode(fetch(before.get("url").asString()).body()).getWidth()).isEqualTo(100);
    }

    @Test
    void imageBlocksRenderImgMarkupWithSrcsetAndTheImagesDescription() {
        long id = uploadImage("quay.jpg", Samples.jpeg(2400, 1200), Map.of("alt_text", "The quay at \"low\" tide",
                "caption", "The old quay", "credit", "Harbour Trust"));
        long documentId = Multipart.upload(api, DOCUMENTS, "guide.pdf", Samples.pdf("Guide"), Map.of("title", "Visitor guide"))
                .json().get("id").asLong();
        JsonNode page = pages.createUnderHome(unique("quay"), "The quay",
                Map.of("type", "image", "value", Map.of("image", id, "size", "content")),
                Map.of("type", "gallery", "value", Map.of("title", "More", "images", List.of(Map.of("image", id)))),
                Map.of("type", "slideshow", "value", Map.of("slides", List.of(Map.of("image", id, "caption", "Slide one")))),
                Map.of("type", "file", "value", Map.of("document", documentId)));
        pages.publish(page.get("id").asLong());

        String html = anonymous.get(page.get("path").asString()).body();

        Matcher img = Pattern.compile("<img src=\"(/media/public/renditions/[^\"]+)\" srcset=\"([^\"]+)\" sizes=\"([^\"]+)\""
                + " alt=\"([^\"]*)\" width=\"([0-9]+)\" height=\"([0-9]+)\"").matcher(html);
        assertThat(img.find()).as(html).isTrue();
        assertThat(img.group(2)).contains(" 400w").contains(" 800w").contains(" 1200w").contains(" 2000w");
        assertThat(img.group(3)).isEqualTo("(min-width: 62em) 46em, 100vw");
        assertThat(img.group(4)).isEqualTo("The quay at &quot;low&quot; tide");
        assertThat(img.group(5)).isEqualTo("1200");
        assertThat(img.group(6)).isEqualTo("600");
        assertThat(decode(fetch(img.group(1)).body()).getWidth()).isEqualTo(1200);
        assertThat(html).contains("The old quay").contains("Harbour Trust").contains("Slide one")
                .contains("class=\"block-gallery\"").contains("Visitor guide").contains("/media/documents/" + documentId + "/");
    }

    @Test
    void blocksMustNameImagesInTheLibraryAndUsedImagesCannotBeDeleted() {
        long id = uploadImage("used.png", Samples.png(40, 40));
        String slug = unique("uses-image");

        JsonNode missing = assertRefused(api.post("/api/v2/pages/", Map.of("parent", pages.homeId(), "type", "layout_page",
                "title", "Missing", "slug", unique("missing"), "slots", Map.of("main", List.of(
                        Map.of("type", "image", "value", Map.of("image", 999_999)))))), 422);
        JsonNode page = pages.createUnderHome(slug, "Uses image", Map.of("type", "gallery", "value",
                Map.of("images", List.of(Map.of("image", id)))));
        JsonNode inUse = assertRefused(api.delete(IMAGES + id + "/"), 409);

        assertThat(missing.toString()).contains("not in the media library");
        assertThat(inUse.get("error").asString()).contains("/" + slug + "/");
        assertThat(inUse.get("details").get(0).get("page").asLong()).isEqualTo(page.get("id").asLong());

        long unused = uploadImage("unused.png", Samples.png(40, 40));
        String rendition = url(unused, "width-20");
        assertThat(api.delete(IMAGES + unused + "/").status()).isEqualTo(204);
        assertRefused(api.get(IMAGES + unused + "/"), 404);
        assertThat(fetch(rendition).statusCode()).isEqualTo(404);
        assertThat(fetch("/media/images/" + unused + "/original").statusCode()).isEqualTo(404);
    }

    @Test
    void badSpecsAreRefusedByName() {
        long id = uploadImage("spec.png", Samples.png(40, 40));

        for (String bad : List.of("fill-0x10", "fill-800", "crop-10x10", "width-99999", "")) {
            try {
                renditions.rendition(id, renditions.spec(bad));
                throw new AssertionError(bad + " was accepted");
            } catch (MediaRejectedException e) {
                assertThat(e.status()).isEqualTo(400);
            }
        }
    }

    private String url(long id, String spec) {
        return renditions.rendition(id, renditions.spec(spec)).orElseThrow().url();
    }

    private BufferedImage render(long id, String spec) {
        HttpResponse<byte[]> response = fetch(url(id, spec));
        assertThat(response.statusCode()).isEqualTo(200);
        return decode(response.body());
    }

    private List<Integer> size(long id, String spec) {
        Renditions.Rendered rendered = renditions.rendition(id, renditions.spec(spec)).orElseThrow();
        if (!spec.equals("original")) {
            BufferedImage image = decode(fetch(rendered.url()).body());
            assertThat(List.of(image.getWidth(), image.getHeight())).isEqualTo(List.of(rendered.width(), rendered.height()));
        }
        return List.of(rendered.width(), rendered.height());
    }

    private int renditionFiles(long id) {
        return (int) mediaFiles().stream().filter(f -> f.startsWith("public/renditions/" + id + "/")).count();
    }
}
