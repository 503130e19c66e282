package dev.floe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.floe.support.Api;
import dev.floe.support.Multipart;
import tools.jackson.databind.JsonNode;

/** Floe with its media in an S3-compatible bucket (the AWS_* variables set): uploads, renditions and private links. */
class S3MediaLibraryTest extends MediaTestCase {

    private static final String BUCKET = S3ProxyServer.shared().newBucket();

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("AWS_STORAGE_BUCKET_NAME", () -> BUCKET);
        registry.add("AWS_ACCESS_KEY_ID", () -> S3ProxyServer.ACCESS_KEY);
        registry.add("AWS_SECRET_ACCESS_KEY", () -> S3ProxyServer.SECRET_KEY);
        registry.add("AWS_S3_ENDPOINT_URL", () -> S3ProxyServer.shared().endpoint().toString());
    }

    @Test
    void imagesAndTheirRenditionsLiveInTheBucket() {
        long id = uploadImage("s3.jpg", Samples.jpeg(400, 200));
        JsonNode image = api.get(IMAGES + id + "/").json();

        HttpResponse<byte[]> original = fetch(image.get("url").asString());
        HttpResponse<byte[]> tile = fetch("/iiif/3/" + id + "/full/100,/0/default.png");

        assertThat(store).isInstanceOf(S3MediaStore.class);
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(decode(original.body()).getWidth()).isEqualTo(400);
        assertThat(decode(tile.body()).getWidth()).isEqualTo(100);
        try (var client = S3ProxyServer.shared().client()) {
            var keys = client.listObjectsV2(b -> b.bucket(BUCKET)).contents().stream().map(o -> o.key()).toList();
            assertThat(keys).anyMatch(k -> k.startsWith("public/images/") && k.endsWith("/s3.jpg"))
                    .anyMatch(k -> k.startsWith("public/renditions/" + id + "/") && k.contains("iiif"));
        }
    }

    @Test
    void aPrivateDocumentGetsAPresignedLinkStraightToTheBucket() {
        byte[] pdf = Samples.pdf("Confidential");
        Api.Response created = Multipart.upload(api, DOCUMENTS, "secret.pdf", pdf, Map.of("private", "true"));
        String url = created.json().get("url").asString();

        HttpResponse<byte[]> direct = fetch(url);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(url).startsWith(S3ProxyServer.shared().endpoint() + "/" + BUCKET + "/private/documents/").contains("X-Amz-Signature=");
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(direct.body()).isEqualTo(pdf);
        assertThat(fetch("/media/documents/" + created.json().get("id").asLong() + "/").statusCode()).isEqualTo(403);
    }

    @Test
    void aRefusedUploadLeavesNothingInTheBucket() {
        var before = store.keys(MediaStore.Area.PUBLIC);

        Api.Response refused = Multipart.upload(api, IMAGES, "cut.png", Samples.truncated(Samples.png(300, 300)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(store.keys(MediaStore.Area.PUBLIC)).isEqualTo(before);
    }
}
