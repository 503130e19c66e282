package dev.floe.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.floe.config.SiteProject;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * The Pebble engine (Django-like: extends, block, include, autoescape). A site project's {@code templates/} folder is
 * searched first, so a site overrides any platform template by giving its path, without Java.
 */
@Component
public class Templates {

    public static final String SUFFIX = ".peb";

    private final PebbleEngine engine;
    private final DelegatingLoader loader;
    private final Map<String, Boolean> existing = new ConcurrentHashMap<>();

    public Templates(SiteProject site, List<Extension> extensions) {
        List<Loader<?>> loaders = new ArrayList<>();
        site.directory().map(dir -> dir.resolve("templates")).filter(Files::isDirectory).ifPresent(dir -> {
            FileLoader files = new FileLoader();
            files.setPrefix(dir.toString());
            files.setSuffix(SUFFIX);
            loaders.add(files);
        });
        ClasspathLoader platform = new ClasspathLoader(Templates.class.getClassLoader());
        platform.setPrefix("templates");
        platform.setSuffix(SUFFIX);
        loaders.add(platform);
        this.loader = new DelegatingLoader(loaders);
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .strictVariables(false)
                .newLineTrimming(true)
                .extension(extensions.toArray(Extension[]::new))
                .build();
    }

    /** Whether a template exists; remembered, since templates do not come and go while Floe runs. */
    public boolean exists(String name) {
        return existing.computeIfAbsent(name, loader::resourceExists);
    }

    public PebbleTemplate get(String name) {
        return engine.getTemplate(name);
    }

    public void render(String name, Map<String, Object> context, Writer out) {
        try {
            engine.getTemplate(name).evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String render(String name, Map<String, Object> context) {
        HtmlBuffer out = new HtmlBuffer(4096);
        render(name, context, out);
        return out.toString();
    }
}
