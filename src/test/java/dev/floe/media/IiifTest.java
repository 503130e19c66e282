package dev.floe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import tools.jackson.databind.JsonNode;

/** The IIIF Image API 3.0: info.json, regions, sizes, turns, qualities, and the limits on what it makes. */
class IiifTest extends MediaTestCase {

    long id;

    @BeforeEach
    void image() {
        // 1600×800: red left half, blue right half.
        id = uploadImage("iiif.png", Samples.png(1600, 800));
    }

    @Test
    void infoJsonDescribesTheImageAndTheServersLimits() {
        Api.Response response = anonymous.get("/iiif/3/" + id + "/info.json");
        JsonNode info = response.json();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/ld+json");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(info.get("@context").asString()).isEqualTo("http://iiif.io/api/image/3/context.json");
        assertThat(info.get("id").asString()).isEqualTo(anonymous.url("/iiif/3/" + id));
        assertThat(info.get("type").asString()).isEqualTo("ImageService3");
        assertThat(info.get("protocol").asString()).isEqualTo("http://iiif.io/api/image");
        assertThat(info.get("profile").asString()).isEqualTo("level2");
        assertThat(info.get("width").asInt()).isEqualTo(1600);
        assertThat(info.get("height").asInt()).isEqualTo(800);
        assertThat(info.get("maxWidth").asInt()).isEqualTo(1000);
        assertThat(info.get("maxHeight").asInt()).isEqualTo(1000);
        assertThat(info.get("maxArea").asLong()).isEqualTo(600_000);
        assertThat(anonymous.get("/iiif/3/" + id).status()).isEqualTo(303);
    }

    @Test
    void regionsSizesTurnsAndQualitiesCutTheRightPixels() {
        BufferedImage max = image("full/max/0/default.jpg");
        BufferedImage rightHalf = image("800,0,800,800/200,/0/default.png");
        BufferedImage leftByPercent = image("pct:0,0,25,100/,100/0/default.png");
        BufferedImage square = image("square/100,100/0/default.png");
        BufferedImage turned = image("full/!200,200/90/default.png");
        BufferedImage mirrored = image("full/200,/!0/default.png");
        BufferedImage gray = image("full/pct:10/0/gray.png");
        BufferedImage bitonal = image("full/100,/0/bitonal.gif");

        assertThat(List.of(max.getWidth(), max.getHeight())).as("max obeys maxWidth and maxArea").containsExactly(1000, 500);
        assertThat(List.of(rightHalf.getWidth(), rightHalf.getHeight())).containsExactly(200, 200);
        assertThat(blue(rightHalf, 5, 5) && blue(rightHalf, 195, 195)).isTrue();
        assertThat(List.of(leftByPercent.getWidth(), leftByPercent.getHeight())).containsExactly(50, 100);
        assertThat(red(leftByPercent, 25, 50)).isTrue();
        assertThat(red(square, 10, 50) && blue(square, 90, 50)).as("square is the centre square").isTrue();
        assertThat(List.of(turned.getWidth(), turned.getHeight())).as("a quarter turn swaps the sides").containsExactly(100, 200);
        assertThat(red(turned, 50, 10) && blue(turned, 50, 190)).as("turned clockwise, left goes to the top").isTrue();
        assertThat(blue(mirrored, 10, 50) && red(mirrored, 190, 50)).as("mirrored").isTrue();
        int pixel = gray.getRGB(10, 10);
        assertThat((pixel >> 16) & 0xFF).isEqualTo(pixel & 0xFF);
        assertThat(List.of(gray.getWidth(), gray.getHeight())).containsExactly(160, 80);
        assertThat(bitonal.getWidth()).isEqualTo(100);
    }

    @Test
    void eachOutputIsMadeOnceAndCached() {
        long before = rows("media_rendition");

        HttpResponse<byte[]> first = fetch("/iiif/3/" + id + "/0,0,400,400/100,100/0/default.jpg");
        HttpResponse<byte[]> second = fetch("/iiif/3/" + id + "/0,0,400,400/100,/0/default.jpg");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("max-age");
        assertThat(second.body()).as("the same request in another form is the same output").isEqualTo(first.body());
        assertThat(rows("media_rendition")).isEqualTo(before + 1);
    }

    /** Unlike a template's rendition, whose file pages link, an IIIF output whose file has gone is made again at once. */
    @Test
    void anOutputWhoseFileHasGoneIsMadeAgain() {
        String request = "/iiif/3/" + id + "/0,0,200,200/50,/0/default.png";
        HttpResponse<byte[]> first = fetch(request);
        assertThat(first.statusCode()).isEqualTo(200);
        String key = jdbc.queryForObject("select file_key from media_rendition where image_id = ? and spec like 'iiif/%' "
                + "order by id desc limit 1", String.class, id);
        store.delete(MediaStore.Area.PUBLIC, key);

        HttpResponse<byte[]> again = fetch(request);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        String remade = jdbc.queryForObject("select file_key from media_rendition where image_id = ? and spec like 'iiif/%' "
                + "order by id desc limit 1", String.class, id);
        assertThat(remade).isNotEqualTo(key);
        assertThat(store.exists(MediaStore.Area.PUBLIC, remade)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from media_rendition where file_key = ?", Long.class, key)).isZero();
    }

    @Test
    void badSyntaxAndSizesBeyondTheLimitsAre400() {
        for (String bad : List.of("nowhere/max/0/default.jpg", "full/big/0/default.jpg", "full/max/45x/default.jpg",
                "full/max/0/pretty.jpg", "full/max/0/default.tiff", "full/max/0/default", "0,0,0,10/max/0/default.jpg",
                "5000,5000,10,10/max/0/default.jpg", "pct:0,0,150,10/max/0/default.jpg", "full/1001,/0/default.jpg",
                "full/%5E1000,1000/0/default.jpg", "full/2000,/0/default.jpg", "full/max/400/default.jpg",
                "full/pct:200/0/default.jpg", "full/0,/0/default.jpg")) {
            Api.Response response = anonymous.get("/iiif/3/" + id + "/" + bad);
            assertThat(response.status()).as(bad + " → " + response.body()).isEqualTo(400);
            assertThat(response.json().get("error").asString()).isNotBlank();
        }
        assertThat(anonymous.get("/iiif/3/" + id + "/full/max/45/default.jpg").status()).as("arbitrary turns are not offered").isEqualTo(501);
        assertThat(anonymous.get("/iiif/3/" + id + "/full/%5E1000,/0/default.jpg").status()).as("upscaling is asked for with ^").isEqualTo(200);
    }

    @Test
    void unknownImagesAre404() {
        long svg = uploadImage("vector.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>".getBytes());

        assertThat(anonymous.get("/iiif/3/987654321/info.json").status()).isEqualTo(404);
        assertThat(anonymous.get("/iiif/3/987654321/full/max/0/default.jpg").status()).isEqualTo(404);
        assertThat(anonymous.get("/iiif/3/abc/info.json").status()).isEqualTo(404);
        assertThat(anonymous.get("/iiif/3/" + svg + "/info.json").status()).isEqualTo(404);
    }

    private BufferedImage image(String request) {
        HttpResponse<byte[]> response = fetch("/iiif/3/" + id + "/" + request);
        assertThat(response.statusCode()).as(request + ": " + new String(response.body())).isEqualTo(200);
        return decode(response.body());
    }
}
