package dev.floe.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.floe.blocks.BlockTypes;
import dev.floe.blocks.FieldValidator;
import dev.floe.blocks.RichTextSanitizer;
import dev.floe.config.FloeSettings;
import dev.floe.config.SettingsException;
import dev.floe.config.SiteProject;
import dev.floe.templates.Templates;

/**
 * A site builder's mistakes in site.yaml and in the site's templates stop the start with one line that says where and
 * what, in the site builder's terms, instead of Java's or of a page failing later.
 */
class SiteDeclarationsTest {

    @TempDir
    Path site;

    @Test
    void yamlThatDoesNotParseIsReportedOnOneLineWithItsPlace() throws IOException {
        Files.writeString(site.resolve("site.yaml"), "name: [unclosed\n");

        assertThatThrownBy(this::start).isInstanceOf(SettingsException.class)
                .hasMessage(site.resolve("site.yaml") + " is not valid YAML: line 1, column 16: while parsing a flow sequence;"
                        + " expected ',' or ']', but got <stream end>");
    }

    @Test
    void aFileThatIsNotUtf8SaysSo() throws IOException {
        Files.write(site.resolve("site.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, '\n'});

        assertThatThrownBy(this::start).hasMessageContaining("is not valid YAML: it is not UTF-8 text");
    }

    @Test
    void aDeclarationThatIsWrongIsNamedByItsPathAndWhy() throws IOException {
        assertThat(refusal("""
                block_types:
                  notice:
                    fields:
                      message: { type: texty }
                """)).startsWith("the site's block_types are not valid: block_types.notice.fields.message.type: unknown field type"
                + " 'texty'; the types are text, richtext, url,");
        assertThat(refusal("""
                block_types:
                  notice:
                    lable: Notice
                """)).isEqualTo("the site's block_types are not valid: block_types.notice: 'lable' is not a setting here"
                + " (known: description, fields, label, permission, template)");
        assertThat(refusal("""
                page_types:
                  landing_page: 5
                """)).isEqualTo("the site's page_types are not valid: page_types.landing_page: must be a mapping of settings");
        assertThat(refusal("""
                page_types:
                  landing_page:
                    per_page: many
                """)).isEqualTo("the site's page_types are not valid: page_types.landing_page.per_page: 'many' is not a whole number");
        assertThat(refusal("""
                block_types:
                  notice:
                    fields:
                      message: { type: text, max_length: -5 }
                """)).endsWith("block_types.notice.fields.message: max_length must be 1 or more, not -5");
        assertThat(refusal("""
                block_types:
                  score:
                    fields:
                      points: { type: integer, min: 10, max: 1 }
                """)).endsWith("block_types.score.fields.points: min (10) is more than max (1)");
    }

    @Test
    void aLayoutOrBlockTemplateThatIsMissingStopsTheStart() throws IOException {
        assertThat(refusal("""
                page_types:
                  landing_page:
                    layouts: [landnig]
                """)).isEqualTo("page type 'landing_page' offers the layout 'landnig', but neither the site project nor the"
                + " platform has templates/layouts/landnig.peb");
        assertThat(refusal("""
                block_types:
                  notice:
                    fields:
                      message: { type: text }
                """)).isEqualTo("block type 'notice' is rendered by templates/blocks/notice.peb, which neither the site project"
                + " nor the platform has");
        assertThat(refusal("""
                block_types:
                  notice:
                    template: blocks/note.peb
                    fields:
                      message: { type: text }
                """)).endsWith("which neither the site project nor the platform has (name its template without .peb)");
    }

    @Test
    void aSiteTemplateThatDoesNotCompileIsNamed() throws IOException {
        Path blocks = Files.createDirectories(site.resolve("templates/blocks"));
        Files.writeString(blocks.resolve("notice.peb"), "<p>{% if %}</p>\n");

        assertThat(refusal("""
                block_types:
                  notice:
                    fields:
                      message: { type: text }
                """)).startsWith("the site's template templates/blocks/notice.peb does not compile: ");
    }

    @Test
    void theSiteTemplateOfTheRepositoryPassesWithItsTemplatesCompiled() {
        SiteTemplatesCheck check = start(Path.of("site-template").toAbsolutePath());

        assertThat(check.siteTemplates()).isEqualTo(2);
    }

    private String refusal(String yaml) throws IOException {
        Files.writeString(site.resolve("site.yaml"), yaml);
        try {
            start();
        } catch (SettingsException e) {
            return e.getMessage();
        }
        throw new AssertionError("the site was accepted:\n" + yaml);
    }

    private SiteTemplatesCheck start() {
        return start(site);
    }

    /** What a start builds from the site project, in the order Spring builds it. */
    private static SiteTemplatesCheck start(Path dir) {
        SiteProject project = new SiteProject(FloeSettings.from(Map.of("FLOE_SITE_DIR", dir.toString())::get));
        BlockTypes blockTypes = new BlockTypes(project, new FieldValidator(new RichTextSanitizer(), List.of()), List.of());
        PageTypes pageTypes = new PageTypes(project, blockTypes);
        return new SiteTemplatesCheck(project, pageTypes, blockTypes, new Templates(project, List.of()));
    }
}
