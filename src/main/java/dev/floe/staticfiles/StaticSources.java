package dev.floe.staticfiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import dev.floe.config.SiteProject;

/** Where static files come from: the platform's {@code static/} on the class path, overlaid by the site's {@code static/}. */
@Component
class StaticSources {

    private static final String PLATFORM = "static/";

    private final Optional<Path> siteStatic;

    StaticSources(SiteProject site) {
        this.siteStatic = site.directory().map(dir -> dir.resolve("static")).filter(Files::isDirectory);
    }

    /** One source file: its path relative to the static root, and how to read it. */
    interface Source {
        String name();

        InputStream open() throws IOException;
    }

    /** Every source file by relative name; the site's file wins where both have one. */
    Map<String, Source> all() {
        Map<String, Source> sources = new TreeMap<>();
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(StaticSources.class.getClassLoader());
            for (Resource resource : resolver.getResources("classpath*:" + PLATFORM + "**")) {
                if (!resource.isReadable()) {
                    continue;
                }
                String url = resource.getURL().toString();
                int at = url.lastIndexOf("/" + PLATFORM);
                if (at < 0 || url.endsWith("/")) {
                    continue;
                }
                String name = url.substring(at + 1 + PLATFORM.length());
                sources.put(name, new ResourceSource(name, resource));
            }
            if (siteStatic.isPresent()) {
                Path root = siteStatic.get();
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile).forEach(file -> {
                        String name = root.relativize(file).toString().replace('\\', '/');
                        sources.put(name, new FileSource(name, file));
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list static files: " + e.getMessage(), e);
        }
        return sources;
    }

    /** A single source by name, for serving unhashed files while developing. */
    Optional<Source> find(String name) {
        if (siteStatic.isPresent()) {
            Path file = siteStatic.get().resolve(name).normalize();
            if (file.startsWith(siteStatic.get()) && Files.isRegularFile(file)) {
                return Optional.of(new FileSource(name, file));
            }
        }
        Resource resource = new PathMatchingResourcePatternResolver(StaticSources.class.getClassLoader())
                .getResource("classpath:" + PLATFORM + name);
        return resource.isReadable() ? Optional.of(new ResourceSource(name, resource)) : Optional.empty();
    }

    private record ResourceSource(String name, Resource resource) implements Source {
        @Override
        public InputStream open() throws IOException {
            return resource.getInputStream();
        }
    }

    private record FileSource(String name, Path file) implements Source {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }
}
