package dev.floe.media;

import static dev.floe.api.Refusal.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.Multipart;
import tools.jackson.databind.JsonNode;

/** Uploads are judged by their bytes: what is not what it claims, broken, too big or hostile is refused and leaves nothing. */
class HostileUploadTest extends MediaTestCase {

    @Test
    void aJpegIsStoredDescribedAndServedAsUploaded() {
        byte[] jpeg = Samples.jpeg(640, 480);
        Api.Response created = Multipart.upload(api, IMAGES, "Harbour at dawn.JPG", jpeg, Map.of("title", "Harbour at dawn",
                "alt_text", "Fishing boats at the quay", "credit", "A. Photographer", "licence", "CC BY 4.0",
                "categories", "harbour,boats", "focal_point", "500,240,100,100"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode image = created.json();
        assertThat(image.get("format").asString()).isEqualTo("jpeg");
        assertThat(image.get("width").asInt()).isEqualTo(640);
        assertThat(image.get("height").asInt()).isEqualTo(480);
        assertThat(image.get("alt_text").asString()).isEqualTo("Fishing boats at the quay");
        assertThat(image.get("categories").valueStream().map(JsonNode::asString).toList()).containsExactly("harbour", "boats");
        assertThat(image.get("focal_point").get("x").asInt()).isEqualTo(500);
        HttpResponse<byte[]> original = fetch(image.get("url").asString());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(original.body()).isEqualTo(jpeg);
        assertThat(anonymous.get(IMAGES + image.get("id").asLong() + "/").json().get("title").asString()).isEqualTo("Harbour at dawn");
    }

    @Test
    void aProgramNamedLikeAPhotoIsRefusedAndLeavesNothing() {
        long images = rows("media_image");
        List<String> files = mediaFiles();

        JsonNode refused = assertRefused(Multipart.upload(api, IMAGES, "holiday.jpg", Samples.program()), 415);

        assertThat(refused.get("error").asString()).contains("not a JPEG, PNG, GIF, WebP or SVG");
        assertThat(rows("media_image")).isEqualTo(images);
        assertThat(mediaFiles()).isEqualTo(files);
    }

    @Test
    void aPngNamedJpgIsTakenForWhatItIs() {
        long id = uploadImage("really-a-png.jpg", Samples.png(50, 40));

        JsonNode image = api.get(IMAGES + id + "/").json();

        assertThat(image.get("format").asString()).isEqualTo("png");
        assertThat(image.get("file_name").asString()).isEqualTo("really-a-png.png");
    }

    @Test
    void truncatedImagesAreRefusedWithAClearErrorAndStoreNothing() {
        long images = rows("media_image");
        List<String> files = mediaFiles();

        JsonNode jpeg = assertRefused(Multipart.upload(api, IMAGES, "cut.jpg", Samples.truncated(Samples.jpeg(800, 600))), 422);
        JsonNode png = assertRefused(Multipart.upload(api, IMAGES, "cut.png", Samples.truncated(Samples.png(800, 600))), 422);
        JsonNode gif = assertRefused(Multipart.upload(api, IMAGES, "cut.gif", Samples.truncated(Samples.gif(300, 200))), 422);

        assertThat(jpeg.get("error").asString()).contains("JPEG").contains("upload the whole file again");
        assertThat(png.get("error").asString()).contains("PNG");
        assertThat(gif.get("error").asString()).contains("GIF");
        assertThat(jpeg.get("details").get(0).get("field").asString()).isEqualTo("file");
        assertThat(rows("media_image")).isEqualTo(images);
        assertThat(mediaFiles()).isEqualTo(files);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding() {
        byte[] bomb = Samples.pngClaiming(100_000, 100_000);
        byte[] justOver = Samples.pngClaiming(6000, 6000);
        long images = rows("media_image");

        long started = System.nanoTime();
        JsonNode refused = assertRefused(Multipart.upload(api, IMAGES, "bomb.png", bomb), 413);
        long millis = (System.nanoTime() - started) / 1_000_000;
        JsonNode overLimit = assertRefused(Multipart.upload(api, IMAGES, "big.png", justOver), 413);

        assertThat(bomb.length).isLessThan(200);
        assertThat(refused.get("error").asString()).contains("100000×100000");
        assertThat(overLimit.get("error").asString()).contains("36,000,000").contains("30,000,000");
        assertThat(millis).as("refused before decoding 10^10 pixels").isLessThan(5_000);
        assertThat(rows("media_image")).isEqualTo(images);
    }

    @Test
    void anSvgIsStrippedOfScriptsHandlersAndOutsideReferences() {
        long id = uploadImage("light.svg", Samples.hostileSvg());

        JsonNode image = api.get(IMAGES + id + "/").json();
        HttpResponse<byte[]> served = fetch(image.get("url").asString());
        String svg = new String(served.body(), StandardCharsets.UTF_8);

        assertThat(image.get("format").asString()).isEqualTo("svg");
        assertThat(image.get("width").asInt()).isEqualTo(120);
        assertThat(image.get("height").asInt()).isEqualTo(80);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(served.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(svg).doesNotContainIgnoringCase("script").doesNotContain("onload").doesNotContain("onclick")
                .doesNotContain("evil.example").doesNotContain("javascript:").doesNotContain("foreignObject")
                .doesNotContain("<image");
        assertThat(svg).contains("<rect").contains("url(#sea)").contains("<circle").contains("xlink:href=\"#sea\"")
                .contains("Harbour light");
    }

    @Test
    void anSvgWithEntitiesIsRefusedWithoutReadingThem() {
        JsonNode refused = assertRefused(Multipart.upload(api, IMAGES, "xxe.svg", Samples.svgWithExternalEntity()), 422);

        assertThat(refused.get("error").asString()).contains("DOCTYPE").doesNotContain("root:");
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndStoresNothing() {
        byte[] huge = new byte[3_200_000];
        byte[] jpeg = Samples.jpeg(10, 10);
        System.arraycopy(jpeg, 0, huge, 0, jpeg.length);
        long images = rows("media_image");
        List<String> files = mediaFiles();

        JsonNode refused = assertRefused(Multipart.upload(api, IMAGES, "huge.jpg", huge), 413);
        JsonNode wayOver = assertRefused(Multipart.upload(api, IMAGES, "huger.jpg", new byte[5_000_000]), 413);

        assertThat(refused.get("error").asString()).contains("3,000,000 bytes");
        assertThat(wayOver.get("error").asString()).contains("limit");
        assertThat(rows("media_image")).isEqualTo(images);
        assertThat(mediaFiles()).isEqualTo(files);
    }

    @Test
    void uploadsNeedATokenAFileAndKnownFields() {
        assertRefused(Multipart.upload(anonymous, IMAGES, "a.png", Samples.png(10, 10)), 401);
        assertRefused(Multipart.upload(api, IMAGES, "a.png", null, Map.of("title", "No file")), 400);
        assertRefused(Multipart.upload(api, IMAGES, "a.png", Samples.png(10, 10), Map.of("colour", "red")), 422);
        assertRefused(Multipart.upload(api, IMAGES, "a.png", Samples.png(10, 10), Map.of("focal_point", "1,2")), 422);
        assertRefused(Multipart.upload(api, IMAGES, "a.png", Samples.png(10, 10), Map.of("focal_point", "50,5,2,2")), 422);
        assertRefused(api.post(IMAGES, Map.of("title", "JSON is not a file")), 415);
        assertRefused(Multipart.upload(api, IMAGES, "empty.png", new byte[0]), 422);
    }

    @Test
    void documentsAreRecognisedByContentAndPdfTextIsKeptForSearch() {
        Api.Response pdf = Multipart.upload(api, DOCUMENTS, "annual-report.pdf", Samples.pdf("Tide tables for the harbour"),
                Map.of("title", "Annual report"));
        Api.Response docx = Multipart.upload(api, DOCUMENTS, "minutes.docx", Samples.docx());

        assertThat(pdf.status()).as(pdf.body()).isEqualTo(201);
        assertThat(pdf.json().get("kind").asString()).isEqualTo("pdf");
        assertThat(docx.status()).as(docx.body()).isEqualTo(201);
        assertThat(docx.json().get("kind").asString()).isEqualTo("docx");
        assertThat(docx.json().get("title").asString()).isEqualTo("minutes");
        assertThat(jdbc.queryForObject("select text_content from media_document where id = ?", String.class,
                pdf.json().get("id").asLong())).contains("Tide tables for the harbour");
        HttpResponse<byte[]> served = fetch(pdf.json().get("url").asString());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/pdf");
    }

    @Test
    void documentsThatAreNotDocumentsOrAreBrokenAreRefused() {
        long documents = rows("media_document");

        assertRefused(Multipart.upload(api, DOCUMENTS, "archive.docx", Samples.plainZip()), 415);
        assertRefused(Multipart.upload(api, DOCUMENTS, "photo.pdf", Samples.png(20, 20)), 415);
        assertRefused(Multipart.upload(api, DOCUMENTS, "report.pdf", Samples.truncated(Samples.pdf("cut"))), 422);
        assertRefused(Multipart.upload(api, DOCUMENTS, "minutes.docx", Samples.truncated(Samples.docx())), 422);
        assertRefused(Multipart.upload(api, DOCUMENTS, "setup.pdf", Samples.program()), 415);

        assertThat(rows("media_document")).isEqualTo(documents);
    }
}
