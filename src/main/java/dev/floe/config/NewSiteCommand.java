package dev.floe.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code floe new DIR}: a new site project, copied from the site template that ships inside Floe. */
@Command(name = "new", description = "Create a site project in DIR from Floe's site template.")
public class NewSiteCommand implements Callable<Integer> {

    private static final String TEMPLATE = "site-template/";

    @Parameters(paramLabel = "DIR")
    Path directory;

    @Override
    public Integer call() throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        if (Files.exists(target) && (!Files.isDirectory(target) || !isEmpty(target))) {
            throw new SettingsException(target + " already exists and is not an empty folder; choose a new one");
        }
        Resource[] resources = new PathMatchingResourcePatternResolver(NewSiteCommand.class.getClassLoader())
                .getResources("classpath*:" + TEMPLATE + "**");
        int copied = 0;
        java.util.Set<Path> written = new java.util.HashSet<>();
        for (Resource resource : resources) {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf("/" + TEMPLATE);
            if (at < 0 || url.endsWith("/") || !resource.isReadable()) {
                continue;
            }
            Path file = target.resolve(url.substring(at + 1 + TEMPLATE.length())).normalize();
            if (!file.startsWith(target) || !written.add(file)) {
                continue; // the template can be on the class path twice (a jar and a folder): the first copy wins
            }
            Files.createDirectories(file.getParent());
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, file);
            }
            copied++;
        }
        if (copied == 0) {
            throw new SettingsException("this Floe build carries no site template");
        }
        String name = target.getFileName().toString();
        Path config = target.resolve(SiteProject.SITE_FILE);
        Files.writeString(config, Files.readString(config).replace("name: My Floe Site", "name: " + titleCase(name)));
        System.out.println("Created a site project in " + target + " (" + copied + " files). Run it with: floe demo --site " + directory);
        return 0;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static String titleCase(String folder) {
        StringBuilder out = new StringBuilder();
        for (String word : folder.replaceAll("[^A-Za-z0-9]+", " ").strip().split(" ")) {
            if (!word.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.isEmpty() ? "My Floe Site" : out.toString();
    }
}
