package dev.floe.media;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The IIIF Image API 3.0 (level 2, quarter turns) for the library's raster images, as GLAM viewers use it. Each
 * distinct output is made once and stored like a rendition; outputs are capped by maxWidth, maxHeight and maxArea.
 */
@RestController
class IiifController {

    private static final String CONTEXT = "http://iiif.io/api/image/3/context.json";
    private static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json;profile=\"" + CONTEXT + "\"");

    private final ImageRepository images;
    private final Renditions renditions;
    private final MediaStore store;
    private final MediaLimits limits;

    IiifController(ImageRepository images, Renditions renditions, MediaStore store, MediaLimits limits) {
        this.images = images;
        this.renditions = renditions;
        this.store = store;
        this.limits = limits;
    }

    @GetMapping("/iiif/3/{id}")
    ResponseEntity<Void> base(@PathVariable String id) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/iiif/3/" + id + "/info.json").build();
    }

    @GetMapping("/iiif/3/{id}/info.json")
    ResponseEntity<Map<String, Object>> info(@PathVariable String id, HttpServletRequest request) {
        Image image = image(id);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@context", CONTEXT);
        info.put("id", ServletUriComponentsBuilder.fromContextPath(request).path("/iiif/3/" + image.getId()).toUriString());
        info.put("type", "ImageService3");
        info.put("protocol", "http://iiif.io/api/image");
        info.put("profile", "level2");
        info.put("width", image.getWidth());
        info.put("height", image.getHeight());
        info.put("maxWidth", limits.iiifMaxWidth());
        info.put("maxHeight", limits.iiifMaxHeight());
        info.put("maxArea", limits.iiifMaxArea());
        info.put("extraFormats", List.of("gif"));
        info.put("extraQualities", List.of("color", "gray", "bitonal"));
        info.put("extraFeatures", List.of("mirroring", "regionSquare", "sizeUpscaling", "rotationBy90s"));
        return ResponseEntity.ok().contentType(LD_JSON).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .header("Access-Control-Allow-Origin", "*").body(info);
    }

    @GetMapping("/iiif/3/{id}/{region}/{size}/{rotation}/{file}")
    ResponseEntity<?> image(@PathVariable String id, @PathVariable String region, @PathVariable String size,
                            @PathVariable String rotation, @PathVariable String file) {
        Image image = image(id);
        IiifRequest request = IiifRequest.parse(region, size, rotation, file, image.getWidth(), image.getHeight(),
                new IiifRequest.Limits(limits.iiifMaxWidth(), limits.iiifMaxHeight(), limits.iiifMaxArea()));
        Renditions.Generator generator = (source, img) -> {
            BufferedImage out = ImageOps.resize(ImageOps.decode(source, img.getFormat(), request.region(), request.width(),
                    request.height()), request.width(), request.height());
            out = ImageOps.rotate(out, request.rotation(), request.mirror());
            return switch (request.quality()) {
                case "gray" -> ImageOps.gray(out);
                case "bitonal" -> ImageOps.bitonal(out);
                default -> out;
            };
        };
        long bytesToMake = ImageMemory.bytesToMake(ImageOps.decodedPixels(request.region(), request.width(), request.height()),
                (long) request.width() * request.height());
        String key = fileKey(renditions.generate(image, request.canonical(), request.format(), bytesToMake, generator));
        Optional<MediaStore.Stored> stored = store.open(MediaStore.Area.PUBLIC, key);
        if (stored.isEmpty()) {
            // The file went after its row was read (the clean-up dropped an unused output) or was lost with the media
            // store: unlike a template's rendition, nothing links the file itself, so the output is made again.
            renditions.forget(image, request.canonical(), request.format(), key);
            key = fileKey(renditions.generate(image, request.canonical(), request.format(), bytesToMake, generator));
            stored = store.open(MediaStore.Area.PUBLIC, key);
        }
        if (stored.isEmpty()) {
            throw new MediaRejectedException(404, "The image's file is missing from the media store.");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(request.format().contentType()))
                .contentLength(stored.get().length())
                .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
                .header("Access-Control-Allow-Origin", "*")
                .header("Link", "<http://iiif.io/api/image/3/level2.json>;rel=\"profile\"")
                .body(new InputStreamResource(stored.get().content()));
    }

    @ExceptionHandler(MediaRejectedException.class)
    ResponseEntity<Map<String, Object>> refused(MediaRejectedException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("details", List.of());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .header("Access-Control-Allow-Origin", "*").body(body);
    }

    private static String fileKey(Renditions.Rendered rendered) {
        return rendered.url().substring("/media/public/".length());
    }

    private Image image(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw new MediaRejectedException(404, "There is no IIIF image '" + id + "'.");
        }
        Image image = images.findById(Long.parseLong(id))
                .orElseThrow(() -> new MediaRejectedException(404, "There is no IIIF image " + id + "."));
        if (!image.getFormat().raster()) {
            throw new MediaRejectedException(404, "Image " + id + " is an SVG drawing; IIIF serves raster images only.");
        }
        return image;
    }
}
