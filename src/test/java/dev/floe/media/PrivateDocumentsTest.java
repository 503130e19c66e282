package dev.floe.media;

import static dev.floe.api.Refusal.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.config.SecretKey;
import dev.floe.support.Api;
import dev.floe.support.Multipart;
import tools.jackson.databind.JsonNode;

/** Private documents are kept apart and reached only through signed links that expire (ICEkit issue 217). */
// Locally signed links are what this class tests, so it keeps media local whatever the suite runs against; with
// media in S3 the links are presigned by the store, which S3MediaLibraryTest and S3MediaStoreTest cover.
class PrivateDocumentsTest extends LocalMediaTestCase {

    @Autowired
    SecretKey secret;

    @Test
    void aPrivateDocumentIsServedOnlyThroughAGenuineUnexpiredLink() {
        assertThat(store).isInstanceOf(LocalMediaStore.class);
        byte[] pdf = Samples.pdf("Board minutes");
        Api.Response created = Multipart.upload(api, DOCUMENTS, "minutes.pdf", pdf, Map.of("private", "true", "title", "Minutes"));
        JsonNode document = created.json();
        long id = document.get("id").asLong();
        String signed = document.get("url").asString();

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(document.get("private").asBoolean()).isTrue();
        assertThat(document.get("url_expires_at").asString()).isNotNull();
        assertThat(signed).startsWith("/media/documents/" + id + "/?expires=");
        HttpResponse<byte[]> ok = fetch(signed);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(pdf);
        assertThat(ok.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(fetch("/media/documents/" + id + "/").statusCode()).as("no signature").isEqualTo(403);
        assertThat(fetch(signed.replaceFirst("signature=.", "signature=A")).statusCode()).as("altered signature").isIn(403);
        String longer = signed.replaceFirst("expires=([0-9]+)", "expires=" + (Instant.now().getEpochSecond() + 86_400 * 365));
        assertThat(fetch(longer).statusCode()).as("an expiry pushed later breaks the signature").isEqualTo(403);
        long past = Instant.now().getEpochSecond() - 5;
        String expired = "/media/documents/" + id + "/?expires=" + past + "&signature=" + secret.sign(MediaLinks.PURPOSE, id + ":" + past);
        assertThat(fetch(expired).statusCode()).as("expired").isEqualTo(403);
        assertThat(mediaFiles()).anyMatch(f -> f.startsWith("private/documents/") && f.endsWith("minutes.pdf"));
    }

    @Test
    void privateFilesLiveApartFromPublicOnes() {
        Api.Response open = Multipart.upload(api, DOCUMENTS, "leaflet-open.pdf", Samples.pdf("Open"));
        Api.Response closed = Multipart.upload(api, DOCUMENTS, "leaflet-closed.pdf", Samples.pdf("Closed"), Map.of("private", "yes"));

        assertThat(mediaFiles()).anyMatch(f -> f.startsWith("public/documents/") && f.endsWith("leaflet-open.pdf"))
                .anyMatch(f -> f.startsWith("private/documents/") && f.endsWith("leaflet-closed.pdf"))
                .noneMatch(f -> f.startsWith("public/") && f.endsWith("leaflet-closed.pdf"));
        assertThat(open.json().get("url").asString()).isEqualTo("/media/documents/" + open.json().get("id").asLong() + "/");
        assertThat(fetch("/media/public/documents/x/leaflet-closed.pdf").statusCode()).isEqualTo(404);
        assertThat(closed.json().get("private").asBoolean()).isTrue();
    }

    @Test
    void documentsNeedATokenEvenToList() {
        Multipart.upload(api, DOCUMENTS, "list.pdf", Samples.pdf("List"));

        assertRefused(anonymous.get(DOCUMENTS), 401);
        assertThat(api.get(DOCUMENTS).json().get("meta").get("total").asLong()).isPositive();
        assertRefused(Multipart.upload(api, DOCUMENTS, "x.pdf", Samples.pdf("x"), Map.of("private", "maybe")), 422);
    }
}
