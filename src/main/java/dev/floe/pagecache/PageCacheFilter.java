package dev.floe.pagecache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;

import dev.floe.templates.SurrogateKeys;

/**
 * Serves anonymous visitors' GET and HEAD requests for public pages and the read-only API from the {@link PageCache},
 * with gzip and brotli variants made once when the response is stored. Editors (a session cookie or an Authorization
 * header), preview links, the admin and the health endpoints always reach the application.
 */
class PageCacheFilter extends OncePerRequestFilter {

    static final String STATUS_HEADER = "X-Floe-Cache";
    static final String API_KEY = "api";

    private static final Pattern LISTING_QUERY = Pattern.compile("page=[0-9]{1,6}");
    private static final int MAX_QUERY = 512;
    private static final int COMPRESS_FROM = 512;
    private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "content-length", "content-encoding", "date",
            "vary", "etag", "cache-control", "surrogate-key", "surrogate-control", "transfer-encoding",
            STATUS_HEADER.toLowerCase(Locale.ROOT));
    private static final boolean BROTLI = Brotli4jLoader.isAvailable();

    private final PageCache cache;
    private final PurgeBus bus;
    private final List<String> bypassedPrefixes;

    PageCacheFilter(PageCache cache, PurgeBus bus, List<String> bypassedPrefixes) {
        this.cache = cache;
        this.bus = bus;
        this.bypassedPrefixes = bypassedPrefixes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> key = cacheKey(request);
        if (key.isEmpty() || !bus.connected()) {
            response.setHeader(STATUS_HEADER, "bypass");
            chain.doFilter(request, response);
            return;
        }
        Optional<CachedResponse> hit = cache.get(key.get(), request.getHeader("Accept-Encoding"));
        if (hit.isPresent()) {
            response.setHeader(STATUS_HEADER, "hit");
            hit.get().headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            serve(hit.get(), request, response);
            return;
        }
        long generation = cache.generation();
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        Set<String> keys;
        try (SurrogateKeys.Recording recording = SurrogateKeys.start()) {
            chain.doFilter(new WithoutConditions(request), buffered);
            keys = recording.keys();
        }
        Optional<CachedResponse> rendered = storable(request, response, buffered, keys);
        if (rendered.isEmpty()) {
            response.setHeader(STATUS_HEADER, "bypass");
            buffered.copyBodyToResponse();
            return;
        }
        cache.put(key.get(), rendered.get(), generation);
        response.setHeader(STATUS_HEADER, "miss");
        serve(rendered.get(), request, response);
    }

    /** Host, path and query of a request the cache may answer, or nothing when it must reach the application. */
    private Optional<String> cacheKey(HttpServletRequest request) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Optional.empty();
        }
        if (request.getHeader("Authorization") != null || hasSessionCookie(request)) {
            return Optional.empty();
        }
        String path = request.getRequestURI();
        // Of the API, only published pages are purged by the events the cache listens to; search results change as
        // the index catches up, and media, menus or settings read through the API have no purge of their own.
        if (path.startsWith("/api/") && !path.startsWith("/api/v2/pages/")) {
            return Optional.empty();
        }
        for (String prefix : bypassedPrefixes) {
            if (path.startsWith(prefix)) {
                return Optional.empty();
            }
        }
        String query = request.getQueryString();
        if (query != null) {
            boolean api = path.startsWith("/api/");
            if (query.length() > MAX_QUERY || (api && query.contains("draft=")) || (!api && !LISTING_QUERY.matcher(query).matches())) {
                return Optional.empty();
            }
        }
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        return Optional.of(host + ":" + request.getServerPort() + path + (query == null ? "" : "?" + query));
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            String name = cookie.getName();
            if (name.equals("SESSION") || name.equals("JSESSIONID") || name.startsWith("remember-me")) {
                return true;
            }
        }
        return false;
    }

    /** The response as the cache keeps it, when it is a public 200 of HTML or JSON that set no cookie. */
    private static Optional<CachedResponse> storable(HttpServletRequest request, HttpServletResponse response,
            ContentCachingResponseWrapper buffered, Set<String> recorded) {
        String type = response.getContentType();
        if (buffered.getStatus() != 200 || type == null || response.getHeader("Set-Cookie") != null
                || request.getSession(false) != null
                || !(type.startsWith("text/html") || type.startsWith("application/json"))) {
            return Optional.empty();
        }
        Set<String> keys = new LinkedHashSet<>(recorded);
        if (request.getRequestURI().startsWith("/api/")) {
            keys.add(API_KEY);
        }
        if (keys.isEmpty()) {
            // Nothing said what this response shows, so nothing could purge it.
            return Optional.empty();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("Content-Type")) {
                headers.put(name, List.copyOf(response.getHeaders(name)));
            }
        }
        byte[] body = buffered.getContentAsByteArray();
        String etag = response.getHeader("ETag");
        boolean compress = body.length >= COMPRESS_FROM;
        return Optional.of(new CachedResponse(type, etag, headers, body, compress ? gzip(body) : null,
                compress && BROTLI ? brotli(body) : null, Set.copyOf(keys)));
    }

    private static void serve(CachedResponse cached, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(cached.contentType());
        response.setHeader("Vary", "Accept-Encoding");
        response.setHeader("Cache-Control", "public, max-age=0, must-revalidate");
        response.setHeader("Surrogate-Control", "max-age=86400");
        response.setHeader("Surrogate-Key", String.join(" ", cached.keys()));
        if (cached.etag() != null) {
            response.setHeader("ETag", cached.etag());
            String ifNoneMatch = request.getHeader("If-None-Match");
            if (ifNoneMatch != null && matches(ifNoneMatch, cached.etag())) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                response.setContentLength(0);
                return;
            }
        }
        // A response read from Redis holds only the body chosen there by the same preference.
        byte[] body = cached.identity();
        String accepted = request.getHeader("Accept-Encoding");
        if (cached.brotli() != null && accepts(accepted, "br")) {
            body = cached.brotli();
            response.setHeader("Content-Encoding", "br");
        } else if (cached.gzip() != null && accepts(accepted, "gzip")) {
            body = cached.gzip();
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(body);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        String bare = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals(bare) || tag.equals("W/" + bare)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an Accept-Encoding header accepts {@code coding} with a quality above zero. */
    static boolean accepts(String header, String coding) {
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            if (!pieces[0].trim().equalsIgnoreCase(coding)) {
                continue;
            }
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        return Double.parseDouble(parameter.substring(2)) > 0;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] brotli(byte[] body) {
        try {
            // Quality 9: most of 11's gain at a fraction of its time, paid once per stored response.
            return Encoder.compress(body, new Encoder.Parameters().setQuality(9));
        } catch (IOException e) {
            return null;
        }
    }

    /** The request without conditional headers, so that a miss always renders a full body the cache can keep. */
    private static final class WithoutConditions extends HttpServletRequestWrapper {
        WithoutConditions(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return conditional(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return conditional(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (Enumeration<String> all = super.getHeaderNames(); all.hasMoreElements(); ) {
                String name = all.nextElement();
                if (!conditional(name)) {
                    names.add(name);
                }
            }
            return Collections.enumeration(names);
        }

        private static boolean conditional(String name) {
            return name.equalsIgnoreCase("If-None-Match") || name.equalsIgnoreCase("If-Modified-Since");
        }
    }
}
