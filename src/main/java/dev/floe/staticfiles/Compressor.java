package dev.floe.staticfiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.springframework.stereotype.Service;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.helger.css.ECSSVersion;
import com.helger.css.decl.CascadingStyleSheet;
import com.helger.css.reader.CSSReader;
import com.helger.css.reader.errorhandler.CollectingCSSParseErrorHandler;
import com.helger.css.writer.CSSWriter;
import com.helger.css.writer.CSSWriterSettings;

/**
 * {@code floe compress}: minifies the collected CSS (ph-css) and JavaScript, and writes gzip and brotli copies
 * beside every text file so they can be served precompressed. Brotli is skipped, with a note, where its native
 * encoder is not available for this platform.
 */
@Service
public class Compressor {

    private static final Set<String> TEXT = Set.of("css", "js", "mjs", "svg", "json", "txt", "xml", "html", "map", "webmanifest");

    private final StaticFiles staticFiles;

    Compressor(StaticFiles staticFiles) {
        this.staticFiles = staticFiles;
    }

    /** What one run did. */
    public record Report(int minified, int gzipped, int brotli, boolean brotliAvailable, long bytesBefore, long bytesAfter) {
    }

    public Report compress(Consumer<String> progress) {
        Path root = staticFiles.root();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("there are no collected static files in " + root + ": run floe collectstatic first");
        }
        boolean brotli = Brotli4jLoader.isAvailable();
        int minified = 0;
        int gzipped = 0;
        int brotlied = 0;
        long before = 0;
        long after = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(f -> TEXT.contains(extension(f))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (Path file : files) {
                byte[] bytes = Files.readAllBytes(file);
                before += bytes.length;
                byte[] small = minify(file, bytes);
                if (small.length < bytes.length) {
                    Files.write(file, small);
                    bytes = small;
                    minified++;
                }
                after += bytes.length;
                byte[] gz = gzip(bytes);
                if (gz.length < bytes.length) {
                    Files.write(sibling(file, ".gz"), gz);
                    gzipped++;
                }
                if (brotli) {
                    byte[] br = Encoder.compress(bytes, new Encoder.Parameters().setQuality(11));
                    if (br.length < bytes.length) {
                        Files.write(sibling(file, ".br"), br);
                        brotlied++;
                    }
                }
                progress.accept(root.relativize(file).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("compressing static files failed: " + e.getMessage(), e);
        }
        return new Report(minified, gzipped, brotlied, brotli, before, after);
    }

    static byte[] minify(Path file, byte[] bytes) {
        String ext = extension(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (ext.equals("css")) {
            CollectingCSSParseErrorHandler errors = new CollectingCSSParseErrorHandler();
            boolean[] failed = {false};
            CascadingStyleSheet css = CSSReader.readFromString(text, ECSSVersion.CSS30, errors, ex -> failed[0] = true);
            if (css == null || failed[0] || errors.hasParseErrors()) {
                return bytes; // ph-css skips what it cannot parse: better unminified than missing rules
            }
            CSSWriter writer = new CSSWriter(new CSSWriterSettings(ECSSVersion.CSS30, true));
            writer.setWriteHeaderText(false);
            return writer.getCSSAsString(css).getBytes(StandardCharsets.UTF_8);
        }
        if (ext.equals("js") || ext.equals("mjs")) {
            return JsMinifier.minify(text).getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
