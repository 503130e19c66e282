package dev.floe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.search.SearchIndexer;
import dev.floe.support.Api;
import dev.floe.support.Multipart;
import tools.jackson.databind.JsonNode;

/**
 * Documents and images in the public search: found by their text, counted in the type filter, linked to their file;
 * private documents never shown; replacing, describing anew and deleting reach the index through the outbox.
 */
class MediaSearchTest extends MediaTestCase {

    private static final Duration INDEXING_WAIT = Duration.ofSeconds(60);

    @Autowired
    SearchIndexer indexer;

    @Test
    void documentsAndImagesAreFoundByTheirTextWithLinksAndCountsByType() {
        String w = word();
        long document = uploadDocument("report.pdf", Samples.pdf("The annual " + w + " report"), Map.of("title", "Annual report"));
        long image = uploadImage("harbour.jpg", Samples.jpeg(40, 30),
                Map.of("title", "Harbour", "alt_text", "Boats in the " + w + " harbour", "caption", "At dawn"));

        JsonNode found = awaitSearch(anonymous, q(w), body -> items(body).size() == 2);
        JsonNode documentHit = item(found, "document");
        assertThat(documentHit.get("id").asLong()).isEqualTo(document);
        assertThat(documentHit.get("title").asString()).isEqualTo("Annual report");
        assertThat(documentHit.get("path").asString()).isEqualTo("/media/documents/" + document + "/");
        assertThat(documentHit.get("type_label").asString()).isEqualTo("Documents");
        assertThat(documentHit.get("snippet").asString()).contains("<mark>" + w + "</mark>");
        JsonNode imageHit = item(found, "image");
        assertThat(imageHit.get("id").asLong()).isEqualTo(image);
        assertThat(imageHit.get("path").asString()).isEqualTo("/media/images/" + image + "/original");
        assertThat(imageHit.get("type_label").asString()).isEqualTo("Images");
        assertThat(found.get("meta").get("types").valueStream().map(t -> t.get("label").asString() + "=" + t.get("count").asLong()))
                .containsExactlyInAnyOrder("Documents=1", "Images=1");
        assertThat(fetch(documentHit.get("path").asString()).statusCode()).as("served, or redirected to the store").isIn(200, 302);
        assertThat(fetch(imageHit.get("path").asString()).statusCode()).as("served, or redirected to the store").isIn(200, 302);

        JsonNode onlyDocuments = search(anonymous, q(w) + "&type=document");
        assertThat(items(onlyDocuments)).extracting(i -> i.get("type").asString()).containsExactly("document");
        assertThat(onlyDocuments.get("meta").get("types")).hasSize(2);

        Api.Response page = anonymous.get("/search/?" + q(w));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("2 results match").contains("href=\"/media/documents/" + document + "/\"")
                .contains("href=\"/media/images/" + image + "/original\"").contains("Documents <span class=\"count\">(1)</span>");
    }

    @Test
    void theTextOfOfficeDocumentsIsFound() {
        String w = word();
        long docx = uploadDocument("letter.docx", Samples.docx("Dear " + w + " readers"), Map.of("title", "Letter"));
        long xlsx = uploadDocument("budget.xlsx", Samples.xlsx("Line for " + w), Map.of("title", "Budget"));
        long pptx = uploadDocument("talk.pptx", Samples.pptx("A slide on " + w), Map.of("title", "Talk"));
        long odt = uploadDocument("essay.odt", Samples.odt("An essay on " + w), Map.of("title", "Essay"));

        JsonNode found = awaitSearch(anonymous, q(w), body -> items(body).size() == 4);
        assertThat(ids(found)).containsExactlyInAnyOrder(docx, xlsx, pptx, odt);
        assertThat(items(found)).allSatisfy(item -> assertThat(item.get("snippet").asString()).contains("<mark>" + w + "</mark>"));
    }

    @Test
    void aPrivateDocumentNeverAppearsInPublicResults() {
        String w = word();
        long hidden = uploadDocument("minutes.pdf", Samples.pdf("Minutes on " + w), Map.of("title", "Board " + w, "private", "true"));
        long open = uploadDocument("notice.pdf", Samples.pdf("Notice on " + w), Map.of("title", "Notice " + w));

        // The public document was indexed after the private one, through the same outbox.
        JsonNode found = awaitSearch(anonymous, q(w), body -> ids(body).contains(open));
        assertThat(ids(found)).containsExactly(open).doesNotContain(hidden);
        assertThat(ids(search(anonymous, q(w) + "&type=document"))).containsExactly(open);
        assertThat(anonymous.get("/search/?" + q(w)).body()).doesNotContain("/media/documents/" + hidden + "/");
        assertThat(found.get("meta").get("types").get(0).get("count").asLong()).isEqualTo(1);
    }

    @Test
    void replacingDescribingAndDeletingMediaUpdateTheIndex() {
        String before = word();
        String after = word();
        long document = uploadDocument("plan.pdf", Samples.pdf("Plan for " + before), Map.of("title", "Plan"));
        awaitSearch(anonymous, q(before), body -> ids(body).contains(document));

        Api.Response replaced = Multipart.send(api, "PUT", DOCUMENTS + document + "/file/", "plan-2.pdf",
                Samples.pdf("Plan for " + after), Map.of());
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        awaitSearch(anonymous, q(after), body -> ids(body).contains(document));
        awaitSearch(anonymous, q(before), body -> items(body).isEmpty());

        String alt = word();
        long image = uploadImage("tower.png", Samples.png(20, 20), Map.of("title", "Tower"));
        Api.Response described = api.patch(IMAGES + image + "/", Map.of("alt_text", "A " + alt + " tower"));
        assertThat(described.status()).as(described.body()).isEqualTo(200);
        awaitSearch(anonymous, q(alt), body -> ids(body).contains(image));

        assertThat(api.delete(DOCUMENTS + document + "/").status()).isEqualTo(204);
        assertThat(api.delete(IMAGES + image + "/").status()).isEqualTo(204);
        awaitSearch(anonymous, q(after), body -> items(body).isEmpty());
        awaitSearch(anonymous, q(alt), body -> items(body).isEmpty());
    }

    @Test
    void aRebuildIndexesMediaAgainAndDropsTheGone() {
        String w = word();
        long kept = uploadDocument("kept.pdf", Samples.pdf("Kept " + w), Map.of("title", "Kept"));
        long gone = uploadDocument("gone.pdf", Samples.pdf("Gone " + w), Map.of("title", "Gone"));
        awaitSearch(anonymous, q(w), body -> items(body).size() == 2);
        // Deleting behind Hibernate's back leaves the index out of step, as a restored backup would.
        jdbc.update("delete from media_document where id = ?", gone);

        SearchIndexer.Report report = indexer.reindex((done, total) -> { }, Duration.ofMinutes(2));
        assertThat(report.others()).isGreaterThanOrEqualTo(1);
        assertThat(report.removed()).isGreaterThanOrEqualTo(1);
        JsonNode after = awaitSearch(anonymous, q(w), body -> items(body).size() == 1);
        assertThat(ids(after)).containsExactly(kept);
    }

    private long uploadDocument(String name, byte[] content, Map<String, String> fields) {
        Api.Response response = Multipart.upload(api, DOCUMENTS, name, content, fields);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    /** A made-up word no other test uses, of letters only so that analyzers keep it whole. */
    private static String word() {
        StringBuilder w = new StringBuilder("zm");
        for (int i = 0; i < 8; i++) {
            w.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return w.toString();
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonNode search(Api client, String query) {
        Api.Response response = client.get("/api/v2/search/?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode awaitSearch(Api client, String query, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + INDEXING_WAIT.toNanos();
        JsonNode last;
        do {
            last = search(client, query);
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("The search " + query + " did not come to the expected answer within " + INDEXING_WAIT + ": " + last);
    }

    private static List<JsonNode> items(JsonNode body) {
        return body.get("items").valueStream().toList();
    }

    private static List<Long> ids(JsonNode body) {
        return items(body).stream().map(item -> item.get("id").asLong()).toList();
    }

    private static JsonNode item(JsonNode body, String type) {
        return items(body).stream().filter(i -> i.get("type").asString().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + body));
    }
}
