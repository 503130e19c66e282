package dev.floe.media;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves media files: an image's original at its stable address, renditions (named by content, so cached for a
 * year), and documents, private ones only through a genuine, unexpired signed link.
 */
@RestController
class MediaController {

    /** SVGs are served so that nothing in them could run even if the sanitizer missed it. */
    private static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final ImageRepository images;
    private final DocumentRepository documents;
    private final MediaStore store;
    private final MediaLinks links;

    MediaController(ImageRepository images, DocumentRepository documents, MediaStore store, MediaLinks links) {
        this.images = images;
        this.documents = documents;
        this.store = store;
        this.links = links;
    }

    @GetMapping("/media/images/{id}/original")
    ResponseEntity<?> original(@PathVariable long id, HttpServletRequest request) {
        Optional<Image> image = images.findById(id);
        if (image.isEmpty()) {
            return notFound("There is no image " + id + ".");
        }
        Image found = image.get();
        String etag = "\"" + found.getFileHash().substring(0, 32) + "\"";
        if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        // The address stays when the file is replaced, so caches check back after a few minutes.
        return serve(MediaStore.Area.PUBLIC, found.getFileKey(), found.getFormat().contentType(),
                CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic(), etag, null);
    }

    @GetMapping("/media/public/**")
    ResponseEntity<?> publicFile(HttpServletRequest request) {
        String key = request.getRequestURI().substring("/media/public/".length());
        if (!key.startsWith("renditions/") && !key.startsWith("iiif/")) {
            return notFound("There is no such file.");
        }
        try {
            MediaStore.checkKey(key);
        } catch (IllegalArgumentException e) {
            return notFound("There is no such file.");
        }
        return serve(MediaStore.Area.PUBLIC, key, contentType(key), CacheControl.maxAge(Duration.ofDays(365)).cachePublic()
                .immutable(), null, null);
    }

    @GetMapping({"/media/documents/{id}/", "/media/documents/{id}"})
    ResponseEntity<?> document(@PathVariable long id, @RequestParam(required = false) String expires,
                               @RequestParam(required = false) String signature) {
        Optional<Document> document = documents.findById(id);
        if (document.isEmpty()) {
            return notFound("There is no document " + id + ".");
        }
        Document found = document.get();
        if (found.isPrivateFile()) {
            if (!links.valid(id, expires, signature)) {
                return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN)
                        .body("This document is private and the link is missing, altered or expired; ask for a new link.");
            }
            return serve(MediaStore.Area.PRIVATE, found.getFileKey(), found.getContentType(), CacheControl.noStore(),
                    null, found.getFileName());
        }
        return serve(MediaStore.Area.PUBLIC, found.getFileKey(), found.getContentType(),
                CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic(), "\"" + found.getFileHash().substring(0, 32) + "\"",
                found.getFileName());
    }

    private ResponseEntity<?> serve(MediaStore.Area area, String key, String contentType, CacheControl cache, String etag,
                                    String downloadName) {
        Optional<MediaStore.Stored> stored = store.open(area, key);
        if (stored.isEmpty()) {
            return notFound("The file is missing from the media store.");
        }
        var response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .contentLength(stored.get().length())
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff");
        if (etag != null) {
            response.eTag(etag);
        }
        if (contentType.startsWith("image/svg")) {
            response.header("Content-Security-Policy", SVG_POLICY);
        }
        if (downloadName != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, contentType.equals("application/pdf")
                    ? MediaFiles.contentDisposition(downloadName).replaceFirst("^attachment", "inline")
                    : MediaFiles.contentDisposition(downloadName));
        }
        return response.body(new InputStreamResource(stored.get().content()));
    }

    private static String contentType(String key) {
        String extension = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (ImageFormat format : ImageFormat.values()) {
            if (format.extension().equals(extension)) {
                return format.contentType();
            }
        }
        return "application/octet-stream";
    }

    private static ResponseEntity<?> notFound(String message) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(message);
    }
}
