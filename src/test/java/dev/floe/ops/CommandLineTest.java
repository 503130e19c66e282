package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.Cli;
import dev.floe.support.FloeIntegrationTest;

/** The floe commands, run as separate processes against the database of a running instance. */
class CommandLineTest extends FloeIntegrationTest {

    @Test
    void createsuperuserAndCreatetokenGiveAWorkingApiToken() {
        String email = unique("operator") + "@example.com";

        Cli.Result user = Cli.runWithInput(Map.of(), "correct horse battery staple\n", "createsuperuser", "--email", email, "--password-stdin");
        assertThat(user.exitCode()).as(user.stderr()).isZero();

        Cli.Result token = Cli.run(Map.of(), "createtoken", "--email", email);
        assertThat(token.exitCode()).as(token.stderr()).isZero();
        String secret = token.lastLine();
        assertThat(secret).startsWith("floe_").doesNotContain(" ");

        Api.Response response = anonymous.withToken(secret).get("/api/v2/pages/?draft=true");
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void aTokenForAnUnknownUserIsRefusedWithOneLine() {
        Cli.Result result = Cli.run(Map.of(), "createtoken", "--email", "nobody@example.com");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr().strip().lines()).hasSize(1);
        assertThat(result.stderr()).startsWith("floe: ").contains("nobody@example.com");
    }

    @Test
    void aShortPasswordIsRefused() {
        Cli.Result result = Cli.runWithInput(Map.of(), "short\n", "createsuperuser", "--email", "x@example.com", "--password-stdin");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr().strip()).isEqualTo("floe: The password must be at least 10 characters long.");
    }

    @Test
    void unknownCommandsAndOptionsExitNonZeroWithOneLine() {
        Cli.Result unknown = Cli.run(Map.of(), "frobnicate");
        Cli.Result missing = Cli.run(Map.of(), "createtoken");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr().strip().lines()).hasSize(1);
        assertThat(unknown.stderr()).endsWith("(see floe --help)\n");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("--email").endsWith("(see floe createtoken --help)\n");
    }

    @Test
    void aCommandOnADatabaseThatWasNeverMigratedSaysToMigrateFirst() throws Exception {
        try (ScratchDatabase empty = ScratchDatabase.create()) {
            Cli.Result token = Cli.run(empty.env(), "createtoken", "--email", "anyone@example.com");

            assertThat(token.exitCode()).isEqualTo(1);
            assertThat(token.stderr().strip().lines()).hasSize(1);
            assertThat(token.stderr()).startsWith("floe: the database lacks tables that Floe's migrations make; run floe migrate first (")
                    .doesNotContain("SQL statement");
        }
    }

    /** Every command takes --help, as the usage errors tell people to run. */
    @Test
    void aCommandsHelpPrintsItsUsage() {
        Cli.Result help = Cli.run(Map.of(), "createtoken", "--help");

        assertThat(help.exitCode()).as(help.stderr()).isZero();
        assertThat(help.stdout()).startsWith("Usage: floe createtoken").contains("--email");
    }

    @Test
    void aBadSettingStopsACommandWithOneLineNamingTheVariable() {
        Cli.Result badPort = Cli.run(Map.of("PORT", "eighty"), "showmigrations");
        Cli.Result badModule = Cli.run(Map.of("BASE_SETTINGS_MODULE", "staging"), "showmigrations");
        Cli.Result noSecret = Cli.run(Map.of("BASE_SETTINGS_MODULE", "production", "SITE_DOMAIN", "www.example.com"), "showmigrations");

        assertThat(badPort.exitCode()).isNotZero();
        assertThat(badPort.stderr().strip()).isEqualTo("floe: PORT must be a port number from 1 to 65535, not 'eighty'");
        assertThat(badModule.stderr().strip()).startsWith("floe: BASE_SETTINGS_MODULE");
        assertThat(noSecret.stderr().strip()).startsWith("floe: SECRET_KEY");
    }

    /** A command whose context fails to start: Spring's warning about cancelling the start is not a second line. */
    @Test
    void aSearchEngineThatCannotBeReachedStopsReindexWithOneLine() throws IOException {
        String address = "http://127.0.0.1:" + closedPort();

        Cli.Result reindex = Cli.run(Map.of("ELASTICSEARCH_ADDRESS", address), "reindex");

        assertThat(reindex.exitCode()).isEqualTo(1);
        assertThat(reindex.stderr().strip()).isEqualTo("floe: ELASTICSEARCH_ADDRESS: cannot reach the search engine at " + address
                + " (Connection refused); start it or unset ELASTICSEARCH_ADDRESS to use the embedded index");
    }

    @Test
    void serveRefusesASiteFolderThatIsNotThereBeforeItStartsAnything() {
        Cli.Result result = Cli.run(Map.of(), "serve", "--site", "/no/such/site");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr().strip()).isEqualTo("floe: FLOE_SITE_DIR (or --site) names /no/such/site, which is not a folder");
        assertThat(result.stdout()).as("nothing started, so nothing was logged").isEmpty();
    }

    @Test
    void showmigrationsListsEveryFeaturesChangesAsApplied() {
        Cli.Result result = Cli.run(Map.of(), "showmigrations");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("pages", "[X] pages-0001-page-tree-and-revisions", "accounts",
                "publishing", "redirects").doesNotContain("[ ]");
    }

    /**
     * A release migrates, a site is backed up, and an operator makes an account or a token, during an outage of the
     * search engine or Redis too.
     */
    @Test
    void migrateWhenCurrentAppliesNothingAndItBackupAndAccountsNeedOnlyTheDatabase() throws IOException {
        Map<String, String> servicesDown = Map.of("ELASTICSEARCH_ADDRESS", "http://127.0.0.1:" + closedPort(),
                "REDIS_ADDRESS", "127.0.0.1:" + closedPort());
        Path archive = Files.createTempDirectory(VAR_DIR, "backup").resolve("site.zip");
        String email = unique("on-call") + "@example.com";

        Cli.Result migrate = Cli.run(servicesDown, "migrate");
        Cli.Result backup = Cli.run(servicesDown, "backup", archive.toString());
        Cli.Result user = Cli.runWithInput(servicesDown, "correct horse battery staple\n", "createsuperuser", "--email", email, "--password-stdin");
        Cli.Result token = Cli.run(servicesDown, "createtoken", "--email", email);

        assertThat(migrate.exitCode()).as(migrate.stderr()).isZero();
        assertThat(migrate.stdout()).contains("No migrations to apply.");
        assertThat(backup.exitCode()).as(backup.stderr()).isZero();
        assertThat(backup.stdout()).contains("Backed up ");
        assertThat(archive).isNotEmptyFile();
        assertThat(user.exitCode()).as(user.stderr()).isZero();
        assertThat(user.stderr()).as("nothing logged on stderr").isEmpty();
        assertThat(token.exitCode()).as(token.stderr()).isZero();
        assertThat(anonymous.withToken(token.lastLine()).get("/api/v2/pages/?draft=true").status()).isEqualTo(200);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
