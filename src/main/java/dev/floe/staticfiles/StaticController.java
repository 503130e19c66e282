package dev.floe.staticfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Serves {@code /static/}: hashed files for a year, immutable, precompressed (brotli or gzip) when the client accepts
 * it; other names revalidated on every use.
 */
@Controller
class StaticController {

    private static final CacheControl FOREVER = CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();

    private final StaticFiles staticFiles;

    StaticController(StaticFiles staticFiles) {
        this.staticFiles = staticFiles;
    }

    @RequestMapping(value = StaticFiles.URL_PREFIX + "**", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<Resource> serve(HttpServletRequest request) {
        String name = request.getRequestURI().substring(StaticFiles.URL_PREFIX.length());
        if (name.isEmpty() || name.contains("..") || name.contains("\\") || name.startsWith("/") || name.contains("//")) {
            return notFound();
        }
        MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
        Path root = staticFiles.root();
        Path file = root.resolve(name).normalize();
        if (file.startsWith(root) && Files.isRegularFile(file)) {
            boolean hashed = staticFiles.manifest().map(m -> m.isHashedName(name)).orElse(false);
            if (hashed) {
                ShallowEtagHeaderFilter.disableContentCaching(request);
            }
            ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                    .contentType(type)
                    .cacheControl(hashed ? FOREVER : CacheControl.noCache())
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            String accepted = Optional.ofNullable(request.getHeader(HttpHeaders.ACCEPT_ENCODING)).orElse("");
            for (String encoding : new String[] {"br", "gzip"}) {
                Path variant = file.resolveSibling(file.getFileName() + (encoding.equals("br") ? ".br" : ".gz"));
                if (accepts(accepted, encoding) && Files.isRegularFile(variant)) {
                    return response.header(HttpHeaders.CONTENT_ENCODING, encoding).body(new FileSystemResource(variant));
                }
            }
            return response.body(new FileSystemResource(file));
        }
        return staticFiles.sources().find(name)
                .<ResponseEntity<Resource>>map(source -> {
                    try {
                        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                                .body(new InputStreamResource(source.open()));
                    } catch (java.io.IOException e) {
                        return notFound();
                    }
                })
                .orElseGet(StaticController::notFound);
    }

    private static boolean accepts(String acceptEncoding, String encoding) {
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.strip().split(";");
            if (pieces[0].strip().equalsIgnoreCase(encoding)) {
                return pieces.length < 2 || !pieces[1].replace(" ", "").equals("q=0");
            }
        }
        return false;
    }

    private static ResponseEntity<Resource> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
}
