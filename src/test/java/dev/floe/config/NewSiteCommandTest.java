package dev.floe.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.floe.support.Cli;

class NewSiteCommandTest {

    @Test
    void floeNewMakesASiteProjectThatFloeAccepts() throws Exception {
        Path dir = Files.createTempDirectory("sites").resolve("harbour-museum");

        Cli.Result result = Cli.run(Map.of(), "new", dir.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(dir.resolve("site.yaml")).exists();
        assertThat(dir.resolve("README.md")).exists();
        assertThat(dir.resolve("static/css/site.css")).exists();
        assertThat(dir.resolve("templates/layouts/landing.peb")).exists();
        assertThat(Files.readString(dir.resolve("Dockerfile"))).contains("FROM ${FLOE_IMAGE}", "floe collectstatic && floe compress");
        assertThat(Files.readString(dir.resolve("site.yaml"))).contains("name: Harbour Museum");

        SiteProject site = new SiteProject(FloeSettings.from(Map.of("FLOE_SITE_DIR", dir.toString())::get));
        var mapType = site.mapper().getTypeFactory().constructMapType(java.util.LinkedHashMap.class, String.class, Object.class);
        assertThat(site.siteName()).isEqualTo("Harbour Museum");
        assertThat(site.<Map<String, Object>>section("page_types", mapType).orElseThrow()).containsKeys("landing_page", "layout_page");
        assertThat(site.<Map<String, Object>>section("block_types", mapType).orElseThrow()).containsKeys("notice", "text");
    }

    @Test
    void floeNewRefusesAFolderThatHasFilesInIt() throws Exception {
        Path dir = Files.createTempDirectory("taken");
        Files.writeString(dir.resolve("keep.txt"), "mine");

        Cli.Result result = Cli.run(Map.of(), "new", dir.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr().strip()).startsWith("floe: ").contains("not an empty folder");
        assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("mine");
    }
}
