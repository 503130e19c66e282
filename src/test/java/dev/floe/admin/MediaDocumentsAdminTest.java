package dev.floe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.media.DocumentView;
import dev.floe.media.MediaLibrary;
import dev.floe.support.Pages;

class MediaDocumentsAdminTest extends MediaAdminTestCase {

    @Autowired
    MediaLibrary library;

    static byte[] pdf(String text) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AdminClient administrator() {
        AdminClient client = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        client.get("/admin/media/documents/");
        return client;
    }

    private long upload(AdminClient client, String name) {
        AdminClient.Response answer = client.postMultipart("/admin/media/documents/upload/", Map.of(),
                List.of(new AdminClient.FilePart("files", name + ".pdf", "application/pdf", pdf("Opening hours"))));
        assertThat(answer.status()).as(answer.body()).isIn(302, 303);
        return library.searchDocuments(name.replace('-', ' '), 0, 1).items().getFirst().id();
    }

    @Test
    void uploadingKeepsTheGoodFilesAndNamesTheRefusedOnes() {
        AdminClient client = administrator();
        String name = unique("visitor-guide");
        AdminClient.Response answer = client.postMultipart("/admin/media/documents/upload/", Map.of(), List.of(
                new AdminClient.FilePart("files", name + ".pdf", "application/pdf", pdf("Welcome")),
                new AdminClient.FilePart("files", "script.pdf", "application/pdf", "#!/bin/sh\necho not a pdf\n".getBytes())));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("<strong>script.pdf</strong>", "One file was not added");
        assertThat(library.searchDocuments(name.replace('-', ' '), 0, 5).items()).hasSize(1);
        assertThat(client.get("/admin/media/documents/?q=" + name.replace('-', '+')).body()).contains(name.replace('-', ' '));
    }

    @Test
    void aDocumentMadePrivateIsOnlyReachedThroughItsSignedLinkAndCanBeMadePublicAgain() {
        AdminClient client = administrator();
        long id = upload(client, unique("board-minutes"));
        String publicUrl = library.getDocument(id).url();
        assertThat(anonymous.get(publicUrl).status()).isEqualTo(200);

        AdminClient.Response saved = client.post("/admin/media/documents/" + id + "/", Map.of("title", "Board minutes", "categories", "Governance", "private", "true"));
        assertThat(saved.status()).as(saved.body()).isIn(302, 303);
        DocumentView hidden = library.getDocument(id);
        assertThat(hidden.isPrivate()).isTrue();
        assertThat(hidden.title()).isEqualTo("Board minutes");
        assertThat(anonymous.get(publicUrl).status()).isIn(403, 404);
        if (hidden.url().startsWith("/")) {
            assertThat(anonymous.get(hidden.url()).status()).isEqualTo(200);
        }

        client.post("/admin/media/documents/" + id + "/", Map.of("title", "Board minutes", "categories", ""));
        assertThat(library.getDocument(id).isPrivate()).isFalse();
        assertThat(anonymous.get(publicUrl).status()).isEqualTo(200);

        AdminClient.Response noTitle = client.post("/admin/media/documents/" + id + "/", Map.of("title", " "));
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.body()).contains("id=\"id_title_error\"");
    }

    @Test
    void replacingKeepsTheAddressAndDeletingIsRefusedWhilePagesUseTheDocument() {
        AdminClient client = administrator();
        long used = upload(client, unique("price-list"));
        String url = library.getDocument(used).url();
        AdminClient.Response replaced = client.postMultipart("/admin/media/documents/" + used + "/replace/", Map.of(),
                List.of(new AdminClient.FilePart("file", "new-prices.pdf", "application/pdf", pdf("New prices"))));
        assertThat(replaced.status()).as(replaced.body()).isIn(302, 303);
        assertThat(library.getDocument(used).url()).isEqualTo(url);
        assertThat(library.getDocument(used).fileName()).contains("new-prices");

        String slug = unique("prices");
        new Pages(api).createUnderHome(slug, "Prices", Map.of("type", "file", "value", Map.of("document", used)));
        assertThat(client.get("/admin/media/documents/" + used + "/").body()).contains("Used on 1 page", "/" + slug + "/");
        assertThat(client.get("/admin/media/documents/" + used + "/delete/").body()).contains("/" + slug + "/").doesNotContain("Yes, delete it");
        assertThat(client.post("/admin/media/documents/" + used + "/delete/", Map.of()).status()).isEqualTo(409);
        assertThat(library.findDocument(used)).isPresent();

        long unused = upload(client, unique("old-leaflet"));
        assertThat(client.post("/admin/media/documents/" + unused + "/delete/", Map.of()).status()).isIn(302, 303);
        assertThat(library.findDocument(unused)).isEmpty();
    }
}
