package dev.floe.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dev.floe.blocks.BlockType;
import dev.floe.blocks.BlockTypes;
import dev.floe.config.SettingsException;
import dev.floe.config.SiteProject;
import dev.floe.templates.Templates;
import io.pebbletemplates.pebble.error.PebbleException;

/**
 * What the declarations and the templates promise each other, checked when Floe starts (and by {@code floe check}),
 * so that a site builder's slip stops the start with a sentence instead of surfacing on the first page that meets it:
 * every layout a page type offers has a template (a page would otherwise quietly get the default layout), every block
 * type has its template (every page with such a block would fail), and every template in the site project's
 * {@code templates/} folder compiles (Pebble compiles a template on its first use, so a syntax error used to be a
 * 500 on some page, some time later). The platform's own templates are the platform's tests' business.
 */
@Component
public class SiteTemplatesCheck {

    private final int siteTemplates;

    public SiteTemplatesCheck(SiteProject site, PageTypes pageTypes, BlockTypes blockTypes, Templates templates) {
        for (PageType type : pageTypes.all()) {
            for (String layout : type.layouts()) {
                if (!templates.exists("layouts/" + layout)) {
                    throw new SettingsException("page type '" + type.name() + "' offers the layout '" + layout
                            + "', but neither the site project nor the platform has templates/layouts/" + layout + Templates.SUFFIX);
                }
            }
        }
        for (BlockType type : blockTypes.all()) {
            if (!templates.exists(type.template())) {
                throw new SettingsException("block type '" + type.name() + "' is rendered by templates/" + type.template()
                        + Templates.SUFFIX + ", which neither the site project nor the platform has"
                        + (type.template().endsWith(Templates.SUFFIX) ? " (name its template without " + Templates.SUFFIX + ")" : ""));
            }
        }
        List<String> own = site.directory().map(dir -> dir.resolve("templates")).filter(Files::isDirectory)
                .map(SiteTemplatesCheck::templateNames).orElse(List.of());
        for (String name : own) {
            try {
                templates.get(name);
            } catch (PebbleException e) {
                throw new SettingsException("the site's template templates/" + name + Templates.SUFFIX + " does not compile: "
                        + e.getMessage().lines().findFirst().orElse(e.getClass().getSimpleName()));
            }
        }
        this.siteTemplates = own.size();
    }

    /** How many of the site project's own templates compiled, for {@code floe check}'s line. */
    public int siteTemplates() {
        return siteTemplates;
    }

    /** The names Pebble knows the folder's templates by: their paths without the suffix, with forward slashes. */
    private static List<String> templateNames(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(Templates.SUFFIX))
                    .map(name -> name.substring(0, name.length() - Templates.SUFFIX.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }
}
