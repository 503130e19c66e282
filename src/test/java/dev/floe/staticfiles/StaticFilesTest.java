package dev.floe.staticfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;

/** collectstatic and compress as a site build runs them, then the running site serving what they made. */
class StaticFilesTest extends FloeIntegrationTest {

    static final Path SITE = collectedSite();

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add("FLOE_SITE_DIR", SITE::toString);
    }

    @Test
    void collectstaticHashesEveryFileWritesAManifestAndPointsCssAtHashedFiles() throws IOException {
        Path root = SITE.resolve("collected-static");
        StaticManifest manifest = StaticManifest.read(root).orElseThrow();

        assertThat(manifest.paths()).containsKeys("css/floe.css", "css/site.css", "img/wave.svg", "js/site.js");
        String hashedCss = manifest.paths().get("css/site.css");
        assertThat(hashedCss).matches("css/site\\.[0-9a-f]{12}\\.css");
        assertThat(root.resolve(hashedCss)).exists();
        String css = Files.readString(root.resolve(hashedCss));
        assertThat(css).contains("url(/static/" + manifest.paths().get("img/wave.svg") + ")")
                .doesNotContain("../img/wave.svg").doesNotContain("/* a comment */");
        assertThat(Files.readString(root.resolve("js/site.js"))).doesNotContain("// say hello").contains("console.log(\"hello\")");
        assertThat(root.resolve(hashedCss + ".gz")).exists();
        assertThat(root.resolve(hashedCss + ".br").toFile().exists()).isEqualTo(Brotli4jLoader.isAvailable());
    }

    @Test
    void templatesLinkHashedFilesServedForAYearAndPrecompressed() throws IOException {
        String home = anonymous.get("/").body();
        String stylesheet = home.replaceAll("(?s).*<link rel=\"stylesheet\" href=\"(/static/css/floe\\.[0-9a-f]{12}\\.css)\">.*", "$1");
        assertThat(stylesheet).startsWith("/static/css/floe.");

        Api.Response plain = anonymous.send(anonymous.request(stylesheet).header("Accept-Encoding", "identity").GET());
        Api.Response gzip = anonymous.send(anonymous.request(stylesheet).header("Accept-Encoding", "gzip").GET());

        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Content-Type")).startsWith("text/css");
        assertThat(plain.header("Cache-Control")).contains("max-age=31536000", "immutable", "public");
        assertThat(plain.header("Vary")).contains("Accept-Encoding");
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
        byte[] gzBytes = anonymous.send(anonymous.request(stylesheet).header("Accept-Encoding", "gzip").GET()).raw().body().getBytes(StandardCharsets.ISO_8859_1);
        assertThat(gzBytes.length).isGreaterThan(0);
        if (Brotli4jLoader.isAvailable()) {
            Api.Response br = anonymous.send(anonymous.request(stylesheet).header("Accept-Encoding", "gzip, deflate, br").GET());
            assertThat(br.header("Content-Encoding")).isEqualTo("br");
        }
    }

    @Test
    void precompressedCopiesDecodeToTheSameFile() throws IOException {
        Path root = SITE.resolve("collected-static");
        Path css = root.resolve(StaticManifest.read(root).orElseThrow().paths().get("css/floe.css"));
        byte[] original = Files.readAllBytes(css);
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(Path.of(css + ".gz"))))) {
            assertThat(gz.readAllBytes()).isEqualTo(original);
        }
        if (Brotli4jLoader.isAvailable()) {
            assertThat(Decoder.decompress(Files.readAllBytes(Path.of(css + ".br"))).getDecompressedData()).isEqualTo(original);
        }
    }

    @Test
    void unhashedNamesAreRevalidatedAndMissingOrSneakyPathsAre404() {
        Api.Response unhashed = anonymous.get("/static/css/site.css");
        assertThat(unhashed.status()).isEqualTo(200);
        assertThat(unhashed.header("Cache-Control")).isEqualTo("no-cache");

        assertThat(anonymous.get("/static/css/nothing.css").status()).isEqualTo(404);
        assertThat(anonymous.get("/static/../site.yaml").status()).isIn(400, 404);
        assertThat(anonymous.get("/static/%2e%2e/site.yaml").status()).isIn(400, 404);
        assertThat(anonymous.get("/static/..%2fsite.yaml").status()).isIn(400, 404);
    }

    @Test
    void cssThatTheMinifierCannotParseIsKeptWhole() {
        String css = "@supports selector(:has(a)) { .x { width: clamp(1rem, 2vw + 1rem, 3rem); } }\n.y { color: red; }\n";

        byte[] out = Compressor.minify(Path.of("site.css"), css.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(out, StandardCharsets.UTF_8)).contains("clamp(1rem, 2vw + 1rem, 3rem)", "@supports");
    }

    @Test
    void theJsMinifierKeepsStringsRegexesAndLineBreaks() {
        String js = "// c\nvar a = \"// not a comment\";  /* x */\nvar r = /\\/+/g;\nvar t = `a ${ b + 1 } // c`;\nif (a) {\n    x = a / 2 / b\n}\n";

        String min = JsMinifier.minify(js);

        assertThat(min).contains("var a=\"// not a comment\";", "var r=/\\/+/g;", "`a ${ b + 1 } // c`", "x=a/2/b")
                .doesNotContain("/* x */").doesNotStartWith("// c");
    }

    private static Path collectedSite() {
        try {
            Path site = Files.createTempDirectory("floe-static-site");
            Files.createDirectories(site.resolve("static/css"));
            Files.createDirectories(site.resolve("static/img"));
            Files.createDirectories(site.resolve("static/js"));
            StringBuilder css = new StringBuilder("/* a comment */\nbody {\n  background: url('../img/wave.svg') no-repeat;\n}\n");
            for (int i = 0; i < 40; i++) {
                css.append(".card-").append(i).append(" {\n  margin: 0 auto;\n  padding: 1rem 2rem;\n  color: #1d2330;\n}\n");
            }
            Files.writeString(site.resolve("static/css/site.css"), css);
            Files.writeString(site.resolve("static/img/wave.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0h10\"/></svg>\n");
            Files.writeString(site.resolve("static/js/site.js"), "// say hello\nconsole.log(\"hello\");\n");
            Files.writeString(site.resolve("site.yaml"), "name: Static Site\n");
            StaticFiles staticFiles = new StaticFiles(new StaticSources(new dev.floe.config.SiteProject(
                    dev.floe.config.FloeSettings.from(Map.of("FLOE_SITE_DIR", site.toString())::get))),
                    dev.floe.config.FloeSettings.from(Map.of("FLOE_SITE_DIR", site.toString())::get));
            staticFiles.collect(line -> { });
            new Compressor(staticFiles).compress(line -> { });
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
