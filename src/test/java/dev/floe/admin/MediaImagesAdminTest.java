package dev.floe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.media.ImageView;
import dev.floe.media.MediaLibrary;
import dev.floe.support.Pages;

class MediaImagesAdminTest extends MediaAdminTestCase {

    @Autowired
    MediaLibrary library;

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private AdminClient administrator() {
        return AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
    }

    private long upload(AdminClient client, String fileName, byte[] bytes, String categories) {
        client.get("/admin/media/images/");
        AdminClient.Response answer = client.postMultipart("/admin/media/images/upload/", Map.of("categories", categories),
                List.of(new AdminClient.FilePart("files", fileName, "image/png", bytes)));
        assertThat(answer.status()).as(answer.body()).isIn(302, 303);
        String title = fileName.substring(0, fileName.lastIndexOf('.')).replaceAll("[_-]+", " ");
        return library.searchImages(title, "", 0, 5).items().getFirst().id();
    }

    @Test
    void severalFilesUploadAtOnceAndABrokenOneIsNamedWithItsReasonWhileTheOthersAreKept() {
        AdminClient client = administrator();
        String name = "harbour-" + unique("dawn");
        client.get("/admin/media/images/");

        AdminClient.Response answer = client.postMultipart("/admin/media/images/upload/", Map.of("categories", "Coast, Morning"), List.of(
                new AdminClient.FilePart("files", name + ".png", "image/png", png(640, 480)),
                new AdminClient.FilePart("files", "not-an-image.png", "image/png", "plain text, not a picture".getBytes())));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("One file was not added", "<strong>not-an-image.png</strong>", "Added: " + name.replace('-', ' '));
        List<ImageView> found = library.searchImages(name.replace('-', ' '), "Coast", 0, 5).items();
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().metadata().categories()).containsExactly("Coast", "Morning");

        AdminClient.Response none = client.postMultipart("/admin/media/images/upload/", Map.of(), List.of());
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("Choose one or more image files");
    }

    @Test
    void theGridShowsThumbnailsAndSearchesByTitleAndFiltersByCategory() {
        AdminClient client = administrator();
        String tag = unique("lighthouse");
        long first = upload(client, tag + "-north.png", png(800, 600), "Cat " + tag);
        long second = upload(client, tag + "-south.png", png(300, 200), "");

        String words = tag.replace('-', '+');
        AdminClient.Response grid = client.get("/admin/media/images/?q=" + words);
        assertThat(grid.status()).isEqualTo(200);
        assertThat(grid.body()).contains("href=\"/admin/media/images/" + first + "/\"", "href=\"/admin/media/images/" + second + "/\"", "2 images");
        Matcher thumbnail = Pattern.compile("<img src=\"(/media/[^\"]+)\"").matcher(grid.body());
        assertThat(thumbnail.find()).isTrue();
        assertThat(client.get(thumbnail.group(1)).status()).isEqualTo(200);

        AdminClient.Response filtered = client.get("/admin/media/images/?q=" + words + "&category=Cat+" + tag);
        assertThat(filtered.body()).contains("/admin/media/images/" + first + "/").doesNotContain("/admin/media/images/" + second + "/");
        assertThat(client.get("/admin/media/images/?q=" + words + "%25_").body()).contains("0 images");
    }

    @Test
    void editingSavesTheDescriptionAndFocalPointAndMistakesShowBesideTheirField() {
        AdminClient client = administrator();
        long id = upload(client, unique("quay") + ".png", png(400, 300), "");
        assertThat(client.get("/admin/media/images/" + id + "/").body()).contains("data-width=\"400\"", "id=\"id_focal_x\"");

        AdminClient.Response saved = client.post("/admin/media/images/" + id + "/", Map.of("title", "The quay at noon", "alt_text",
                "Boats moored at a stone quay", "caption", "", "credit", "A. Photographer", "licence", "CC BY 4.0", "categories", "Harbour",
                "focal_x", "300", "focal_y", "100", "focal_width", "80", "focal_height", "60"));
        assertThat(saved.status()).as(saved.body()).isIn(302, 303);
        ImageView image = library.getImage(id);
        assertThat(image.metadata().title()).isEqualTo("The quay at noon");
        assertThat(image.metadata().altText()).isEqualTo("Boats moored at a stone quay");
        assertThat(image.focalPoint()).isNotNull();
        assertThat(image.focalPoint().x()).isEqualTo(300);

        AdminClient.Response outside = client.post("/admin/media/images/" + id + "/", Map.of("title", "The quay", "focal_x", "900",
                "focal_y", "100", "focal_width", "80", "focal_height", "60"));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body()).contains("id=\"id_focal_x_error\"");
        AdminClient.Response notANumber = client.post("/admin/media/images/" + id + "/", Map.of("title", "The quay", "focal_x", "left",
                "focal_y", "100", "focal_width", "80", "focal_height", "60"));
        assertThat(notANumber.status()).isEqualTo(422);
        assertThat(notANumber.body()).contains("id=\"id_focal_x_error\"", "Give a whole number of pixels");
        AdminClient.Response noTitle = client.post("/admin/media/images/" + id + "/", Map.of("title", " "));
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.body()).contains("id=\"id_title_error\"");
        assertThat(library.getImage(id).metadata().title()).as("nothing saved by the refused forms").isEqualTo("The quay at noon");
        assertThat(library.getImage(id).focalPoint().x()).isEqualTo(300);

        client.post("/admin/media/images/" + id + "/", Map.of("title", "The quay at noon", "clear_focal_point", "true"));
        assertThat(library.getImage(id).focalPoint()).isNull();
    }

    @Test
    void replacingTheFileKeepsTheAddressAndABrokenReplacementChangesNothing() {
        AdminClient client = administrator();
        long id = upload(client, unique("pier") + ".png", png(320, 240), "");
        String url = library.getImage(id).url();

        AdminClient.Response broken = client.postMultipart("/admin/media/images/" + id + "/replace/", Map.of(),
                List.of(new AdminClient.FilePart("file", "broken.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.body()).contains("id=\"id_file_error\"");
        assertThat(library.getImage(id).width()).isEqualTo(320);

        AdminClient.Response replaced = client.postMultipart("/admin/media/images/" + id + "/replace/", Map.of(),
                List.of(new AdminClient.FilePart("file", "wider.png", "image/png", png(500, 240))));
        assertThat(replaced.status()).as(replaced.body()).isIn(302, 303);
        assertThat(library.getImage(id).width()).isEqualTo(500);
        assertThat(library.getImage(id).url()).isEqualTo(url);
        assertThat(client.get(url).status()).isEqualTo(200);
    }

    @Test
    void deletingShowsThePagesThatUseTheImageAndRefusesWhileTheyDo() {
        AdminClient client = administrator();
        long used = upload(client, unique("used") + ".png", png(100, 100), "");
        long unused = upload(client, unique("unused") + ".png", png(100, 100), "");
        String slug = unique("uses-image");
        new Pages(api).createUnderHome(slug, "Uses an image", Map.of("type", "image", "value", Map.of("image", used)));

        assertThat(client.get("/admin/media/images/" + used + "/").body()).as("the edit screen says where it is used")
                .contains("Used on 1 page, in a draft or the live version", "href=\"/admin/pages/", "/" + slug + "/");
        assertThat(client.get("/admin/media/images/" + unused + "/").body()).contains("No page uses this image.");
        AdminClient.Response confirm = client.get("/admin/media/images/" + used + "/delete/");
        assertThat(confirm.body()).contains("cannot be deleted while pages use it", "/" + slug + "/").doesNotContain("Yes, delete it");
        AdminClient.Response refused = client.post("/admin/media/images/" + used + "/delete/", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(library.findImage(used)).isPresent();

        assertThat(client.get("/admin/media/images/" + unused + "/delete/").body()).contains("Yes, delete it");
        assertThat(client.post("/admin/media/images/" + unused + "/delete/", Map.of()).status()).isIn(302, 303);
        assertThat(library.findImage(unused)).isEmpty();
        assertThat(client.get("/admin/media/images/" + unused + "/").status()).isEqualTo(404);
    }

    @Test
    void onlyThoseWhoManageMediaSeeTheLinkAndTheScreens() {
        AdminClient editor = AdminClient.signedIn(port, accounts, AdminRole.EDITOR);
        assertThat(editor.get("/admin/").body()).doesNotContain("href=\"/admin/media/\"");
        assertThat(editor.get("/admin/media/images/").status()).isEqualTo(403);
        assertThat(administrator().get("/admin/").body()).contains("href=\"/admin/media/\"");
    }

    @Test
    void theChooserListsImagesToEditorsAndLetsThoseWhoManageMediaUploadThere() {
        AdminClient admin = administrator();
        String tag = unique("buoy");
        long id = upload(admin, tag + ".png", png(200, 100), "");

        AdminClient editor = AdminClient.signedIn(port, accounts, AdminRole.EDITOR);
        AdminClient.Response list = editor.get("/admin/media/chooser/images/?q=" + tag.replace('-', '+'));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("data-choose=\"" + id + "\"", "1 image").doesNotContain("data-chooser-upload", "<form");
        AdminClient.Response refused = editor.postMultipart("/admin/media/chooser/images/upload/", Map.of(),
                List.of(new AdminClient.FilePart("file", "x.png", "image/png", png(10, 10))));
        assertThat(refused.status()).isEqualTo(403);

        assertThat(admin.get("/admin/media/chooser/images/").body()).contains("data-chooser-upload");
        AdminClient.Response uploaded = admin.postMultipart("/admin/media/chooser/images/upload/", Map.of(),
                List.of(new AdminClient.FilePart("file", tag + "-second.png", "image/png", png(50, 50))));
        assertThat(uploaded.status()).isEqualTo(201);
        long second = library.searchImages(tag.replace('-', ' ') + " second", "", 0, 1).items().getFirst().id();
        assertThat(uploaded.body()).contains("data-chooser-uploaded=\"" + second + "\"", "data-choose=\"" + second + "\"");
        AdminClient.Response broken = admin.postMultipart("/admin/media/chooser/images/upload/", Map.of(),
                List.of(new AdminClient.FilePart("file", "broken.png", "image/png", "not an image".getBytes())));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.body()).contains("role=\"alert\"").doesNotContain("data-chooser-uploaded");
    }
}
