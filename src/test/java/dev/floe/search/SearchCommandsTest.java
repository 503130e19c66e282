package dev.floe.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.floe.support.Cli;

/** The command line around search, each command in its own JVM over its own var folder. */
class SearchCommandsTest {

    @Test
    void floeReindexWithNoInstanceRunningDoesTheWorkItself() throws Exception {
        Path var = freshVarDir();
        Cli.Result result = Cli.run(Map.of("FLOE_VAR_DIR", var.toString()), "reindex");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        // On the embedded defaults the fresh database holds only the home page; against CI's real services the
        // database and the search engine are shared with the rest of the suite, so only the form is known.
        boolean embedded = System.getenv("PGHOST") == null && System.getenv("ELASTICSEARCH_ADDRESS") == null;
        assertThat(result.lastLine()).matches(embedded ? "Reindexed 1 page\\(s\\) and 0 media item\\(s\\) in .*"
                : "Reindexed [0-9]+ page\\(s\\) and [0-9]+ media item\\(s\\) in .*");
        if (System.getenv("ELASTICSEARCH_ADDRESS") == null) {
            assertThat(var.resolve("index/page")).isDirectory();
        }
    }

    @Test
    void anUnreachableSearchEngineAtStartStopsStartUpWithOneLineNamingTheVariable() throws Exception {
        Cli.Result result = Cli.run(Map.of("FLOE_VAR_DIR", freshVarDir().toString(),
                "ELASTICSEARCH_ADDRESS", "http://127.0.0.1:9"), "publish-scheduled");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr().strip()).startsWith("floe: ELASTICSEARCH_ADDRESS").doesNotContain("\n");
    }

    private static Path freshVarDir() throws Exception {
        Path root = Path.of(System.getProperty("floe.test.var", "target/test-var")).toAbsolutePath();
        Files.createDirectories(root);
        return Files.createTempDirectory(root, "search-cli-");
    }
}
