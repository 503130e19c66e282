package dev.floe.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.floe.accounts.FloeUser;
import dev.floe.media.DocumentView;
import dev.floe.media.FocalPoint;
import dev.floe.media.ImageView;
import dev.floe.media.MediaLibrary;
import dev.floe.media.Upload;

/**
 * The media library over HTTP: images (public to read) and documents (token only, since some are private). Uploads
 * and replacements are multipart with the file in a part named {@code file}; descriptions change by JSON PATCH.
 */
@RestController
class MediaApi {

    private static final Set<String> IMAGE_FIELDS = Set.of("title", "alt_text", "caption", "credit", "licence", "categories",
            "focal_point");
    private static final Set<String> DOCUMENT_FIELDS = Set.of("title", "categories");

    private final MediaLibrary library;

    MediaApi(MediaLibrary library) {
        this.library = library;
    }

    // ---- images

    @GetMapping(value = "/api/v2/images/", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> images(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        checkPage(offset, limit);
        MediaLibrary.Listing<ImageView> listing = library.listImages(offset, limit);
        return Map.of("items", listing.items().stream().map(MediaApi::json).toList(),
                "meta", Map.of("total", listing.total(), "offset", offset, "limit", limit));
    }

    @GetMapping(value = "/api/v2/images/{id}/", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> image(@PathVariable long id) {
        return json(library.getImage(id));
    }

    @PostMapping(value = "/api/v2/images/", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> uploadImage(@RequestPart("file") MultipartFile file,
                                                    @RequestParam Map<String, String> form,
                                                    @AuthenticationPrincipal FloeUser user) {
        require(user);
        MediaLibrary.ImageChanges description = imageChanges(formFields(form, IMAGE_FIELDS));
        ImageView created = library.uploadImage(upload(file), description, user.email());
        return ResponseEntity.status(HttpStatus.CREATED).body(json(created));
    }

    @PatchMapping(value = "/api/v2/images/{id}/", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> updateImage(@PathVariable long id, @RequestBody Map<String, Object> body, @AuthenticationPrincipal FloeUser user) {
        require(user);
        JsonBody input = JsonBody.of(body, IMAGE_FIELDS);
        Map<String, Object> values = new LinkedHashMap<>();
        IMAGE_FIELDS.forEach(key -> {
            if (input.has(key)) {
                values.put(key, input.raw(key));
            }
        });
        return json(library.updateImage(id, imageChanges(values), user.email()));
    }

    @PutMapping(value = "/api/v2/images/{id}/file/", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> replaceImage(@PathVariable long id, @RequestPart("file") MultipartFile file, @AuthenticationPrincipal FloeUser user) {
        require(user);
        return json(library.replaceImage(id, upload(file), user.email()));
    }

    @DeleteMapping("/api/v2/images/{id}/")
    ResponseEntity<Void> deleteImage(@PathVariable long id, @AuthenticationPrincipal FloeUser user) {
        require(user);
        library.deleteImage(id);
        return ResponseEntity.noContent().build();
    }

    // ---- documents

    @GetMapping(value = "/api/v2/documents/", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> documents(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit,
                                  @AuthenticationPrincipal FloeUser user) {
        require(user);
        checkPage(offset, limit);
        MediaLibrary.Listing<DocumentView> listing = library.listDocuments(offset, limit);
        return Map.of("items", listing.items().stream().map(MediaApi::json).toList(),
                "meta", Map.of("total", listing.total(), "offset", offset, "limit", limit));
    }

    @GetMapping(value = "/api/v2/documents/{id}/", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> document(@PathVariable long id, @AuthenticationPrincipal FloeUser user) {
        require(user);
        return json(library.getDocument(id));
    }

    @PostMapping(value = "/api/v2/documents/", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> uploadDocument(@RequestPart("file") MultipartFile file,
                                                       @RequestParam Map<String, String> form,
                                                       @AuthenticationPrincipal FloeUser user) {
        require(user);
        Map<String, Object> fields = formFields(form, Set.of("title", "categories", "private"));
        Object privacy = fields.get("private");
        boolean isPrivate;
        if (privacy == null || "false".equals(privacy) || "no".equals(privacy)) {
            isPrivate = false;
        } else if ("true".equals(privacy) || "yes".equals(privacy)) {
            isPrivate = true;
        } else {
            throw ApiException.invalid("private", "must be true or false");
        }
        DocumentView created = library.uploadDocument(upload(file), (String) fields.get("title"), categories(fields.get("categories")),
                isPrivate, user.email());
        return ResponseEntity.status(HttpStatus.CREATED).body(json(created));
    }

    @PatchMapping(value = "/api/v2/documents/{id}/", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> updateDocument(@PathVariable long id, @RequestBody Map<String, Object> body, @AuthenticationPrincipal FloeUser user) {
        require(user);
        JsonBody input = JsonBody.of(body, DOCUMENT_FIELDS);
        return json(library.updateDocument(id, input.string("title"), input.has("categories") ? categories(input.raw("categories")) : null,
                user.email()));
    }

    @PutMapping(value = "/api/v2/documents/{id}/file/", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> replaceDocument(@PathVariable long id, @RequestPart("file") MultipartFile file, @AuthenticationPrincipal FloeUser user) {
        require(user);
        return json(library.replaceDocument(id, upload(file), user.email()));
    }

    @DeleteMapping("/api/v2/documents/{id}/")
    ResponseEntity<Void> deleteDocument(@PathVariable long id, @AuthenticationPrincipal FloeUser user) {
        require(user);
        library.deleteDocument(id);
        return ResponseEntity.noContent().build();
    }

    // ---- helpers

    private static Upload upload(MultipartFile file) {
        return new Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream);
    }

    private static Map<String, Object> formFields(Map<String, String> form, Set<String> allowed) {
        Map<String, Object> fields = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.equals("file")) {
                return;
            }
            if (!allowed.contains(key)) {
                throw ApiException.invalid(key, "is not accepted here (accepted: file, " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            fields.put(key, key.equals("categories") ? List.of(value.split(",")) : key.equals("focal_point") ? focalFromText(value) : value);
        });
        return fields;
    }

    /** A focal point in a form is written {@code x,y,width,height}. */
    private static Object focalFromText(String value) {
        String[] parts = value.split(",");
        if (parts.length != 4) {
            throw ApiException.invalid("focal_point", "must be x,y,width,height in pixels");
        }
        Map<String, Object> focal = new LinkedHashMap<>();
        String[] names = {"x", "y", "width", "height"};
        for (int i = 0; i < 4; i++) {
            try {
                focal.put(names[i], Integer.parseInt(parts[i].strip()));
            } catch (NumberFormatException e) {
                throw ApiException.invalid("focal_point", "must be x,y,width,height in pixels");
            }
        }
        return focal;
    }

    private static MediaLibrary.ImageChanges imageChanges(Map<String, Object> values) {
        Object focal = values.get("focal_point");
        boolean clear = values.containsKey("focal_point") && focal == null;
        return new MediaLibrary.ImageChanges(text(values, "title"), text(values, "alt_text"), text(values, "caption"),
                text(values, "credit"), text(values, "licence"),
                values.containsKey("categories") ? categories(values.get("categories")) : null,
                focal == null ? null : focalPoint(focal), clear);
    }

    private static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        if (value == null) {
            return values.containsKey(key) ? "" : null;
        }
        if (!(value instanceof String text)) {
            throw ApiException.invalid(key, "must be a string");
        }
        return text;
    }

    private static List<String> categories(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items) || items.stream().anyMatch(i -> !(i instanceof String))) {
            throw ApiException.invalid("categories", "must be a list of texts");
        }
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add((String) i));
        return out;
    }

    private static FocalPoint focalPoint(Object value) {
        if (!(value instanceof Map<?, ?> map) || !map.keySet().equals(Set.of("x", "y", "width", "height"))
                || map.values().stream().anyMatch(v -> !(v instanceof Integer))) {
            throw ApiException.invalid("focal_point", "must be {\"x\", \"y\", \"width\", \"height\"} in whole pixels, or null");
        }
        return new FocalPoint((Integer) map.get("x"), (Integer) map.get("y"), (Integer) map.get("width"), (Integer) map.get("height"));
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "offset must be 0 or more and limit from 1 to 500.");
        }
    }

    private static void require(FloeUser user) {
        if (user == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "This needs an API token: send 'Authorization: Bearer <token>'.");
        }
    }

    private static Map<String, Object> json(ImageView image) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", image.id());
        out.put("title", image.metadata().title());
        out.put("alt_text", image.metadata().altText());
        out.put("caption", image.metadata().caption());
        out.put("credit", image.metadata().credit());
        out.put("licence", image.metadata().licence());
        out.put("categories", image.metadata().categories());
        out.put("format", image.format().label());
        out.put("width", image.width());
        out.put("height", image.height());
        out.put("file_size", image.fileSize());
        out.put("file_name", image.fileName());
        FocalPoint focal = image.focalPoint();
        out.put("focal_point", focal == null ? null : Map.of("x", focal.x(), "y", focal.y(), "width", focal.width(), "height", focal.height()));
        out.put("url", image.url());
        out.put("iiif", image.format().raster() ? "/iiif/3/" + image.id() + "/info.json" : null);
        out.put("created_at", PageJson.time(image.createdAt()));
        out.put("updated_at", PageJson.time(image.updatedAt()));
        out.put("updated_by", image.updatedBy());
        return out;
    }

    private static Map<String, Object> json(DocumentView document) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", document.id());
        out.put("title", document.title());
        out.put("categories", document.categories());
        out.put("kind", document.kind().extension());
        out.put("content_type", document.contentType());
        out.put("private", document.isPrivate());
        out.put("file_size", document.fileSize());
        out.put("file_name", document.fileName());
        out.put("url", document.url());
        out.put("url_expires_at", PageJson.time(document.urlExpiresAt()));
        out.put("created_at", PageJson.time(document.createdAt()));
        out.put("updated_at", PageJson.time(document.updatedAt()));
        out.put("updated_by", document.updatedBy());
        return out;
    }
}
