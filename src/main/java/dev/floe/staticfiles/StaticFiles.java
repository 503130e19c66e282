package dev.floe.staticfiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import dev.floe.config.FloeContext;
import dev.floe.config.FloeSettings;
import dev.floe.config.SiteProject;

/**
 * Static files: {@code floe collectstatic} gathers the platform's and the site's files into one folder
 * ({@code FLOE_STATIC_ROOT}) with content-hashed copies and a manifest; templates ask {@link #url(String)} for the
 * hashed address, which can then be cached for a year. Without a collected folder (while developing), files are
 * served from their sources under their own names.
 */
@Service
public class StaticFiles {

    public static final String URL_PREFIX = "/static/";
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]+)\\1\\s*\\)");

    private final StaticSources sources;
    private final Path root;
    private final Optional<StaticManifest> manifest;

    StaticFiles(StaticSources sources, FloeSettings settings) {
        this.sources = sources;
        this.root = settings.staticRoot();
        this.manifest = StaticManifest.read(root);
    }

    /** Static files as a command sees them, from the environment contract and an optional --site folder. */
    static StaticFiles standalone(Path site) {
        FloeSettings settings = FloeContext.checkEnvironment(site);
        return new StaticFiles(new StaticSources(new SiteProject(settings)), settings);
    }

    /** The address to put in a page for a static file: its hashed name once collected. */
    public String url(String name) {
        String clean = name.startsWith("/") ? name.substring(1) : name;
        return URL_PREFIX + manifest.map(m -> m.paths().getOrDefault(clean, clean)).orElse(clean);
    }

    public Path root() {
        return root;
    }

    Optional<StaticManifest> manifest() {
        return manifest;
    }

    StaticSources sources() {
        return sources;
    }

    /** Copies every source into the root with its hashed twin, rewrites CSS references, writes the manifest. */
    public int collect(Consumer<String> progress) {
        try {
            Files.createDirectories(root);
            Map<String, StaticSources.Source> all = sources.all();
            Map<String, String> hashed = new HashMap<>();
            int done = 0;
            // CSS last, so that the files it refers to already have their hashed names.
            for (boolean css : new boolean[] {false, true}) {
                for (StaticSources.Source source : all.values()) {
                    if (source.name().endsWith(".css") != css) {
                        continue;
                    }
                    byte[] bytes = read(source);
                    if (css) {
                        bytes = rewriteCssUrls(source.name(), new String(bytes, StandardCharsets.UTF_8), hashed).getBytes(StandardCharsets.UTF_8);
                    }
                    String hashedName = hashedName(source.name(), bytes);
                    write(root.resolve(source.name()), bytes);
                    write(root.resolve(hashedName), bytes);
                    hashed.put(source.name(), hashedName);
                    progress.accept(++done + "/" + all.size() + " " + source.name());
                }
            }
            new StaticManifest(hashed).write(root);
            return all.size();
        } catch (IOException e) {
            throw new UncheckedIOException("collecting static files into " + root + " failed: " + e.getMessage(), e);
        }
    }

    static String hashedName(String name, byte[] content) {
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) + "." + hash + name.substring(dot) : name + "." + hash;
    }

    private static String rewriteCssUrls(String cssName, String css, Map<String, String> hashed) {
        String dir = cssName.contains("/") ? cssName.substring(0, cssName.lastIndexOf('/') + 1) : "";
        Matcher matcher = CSS_URL.matcher(css);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String ref = matcher.group(2).strip();
            String replacement = matcher.group();
            if (!ref.startsWith("data:") && !ref.startsWith("#") && !ref.contains("//")) {
                String suffix = "";
                int cut = indexOfAny(ref, '?', '#');
                if (cut >= 0) {
                    suffix = ref.substring(cut);
                    ref = ref.substring(0, cut);
                }
                String target = ref.startsWith(URL_PREFIX) ? ref.substring(URL_PREFIX.length())
                        : Path.of("/" + dir + ref).normalize().toString().substring(1).replace('\\', '/');
                String hashedTarget = hashed.get(target);
                if (hashedTarget != null) {
                    replacement = "url(\"" + URL_PREFIX + hashedTarget + suffix + "\")";
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(out).toString();
    }

    private static int indexOfAny(String text, char a, char b) {
        int x = text.indexOf(a);
        int y = text.indexOf(b);
        return x < 0 ? y : y < 0 ? x : Math.min(x, y);
    }

    private static byte[] read(StaticSources.Source source) throws IOException {
        try (InputStream in = source.open(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
