package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code floe demo} in its own process, as a newcomer runs it from the README and stops it with Ctrl+C. */
class DemoCommandTest {

    @Test
    void aStopWhileTheDemoLoadsWaitsForTheLoadThenExitsCleanly() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create()) {
            Map<String, String> env = database.envAlone();
            int exitCode;
            String output;
            // Ready comes as the context's start ends and the demo's load begins: the signal lands during the load.
            try (ServingProcess demo = ServingProcess.start(env, List.of(), "demo")) {
                demo.terminate();
                exitCode = demo.exitCode(Duration.ofSeconds(60));
                output = demo.output();
            }

            assertThat(exitCode).as("exit code; output:\n%s", output).isZero();
            assertThat(output).contains("Loaded the demo site").doesNotContain("Exception")
                    .as("no invitation to a site that is stopping").doesNotContain("Floe is running at");
            assertThat(database.strings("SELECT title FROM media_image ORDER BY title"))
                    .containsExactly("The harbour at dawn", "The harbour at dusk", "The harbour at noon");
            assertThat(Integer.parseInt(database.strings("SELECT COUNT(*) FROM page WHERE live = TRUE").getFirst()))
                    .as("published demo pages").isGreaterThan(10);
        }
    }
}
