import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single OpenSearch node on 127.0.0.1 for Floe's tests and benchmarks, run from Maven Central jars:
 * {@code java -cp "lib/*" OpenSearchNode.java DIR HTTP_PORT [OWNER_PID]}. It stops when its process is signalled, or
 * when the owner process (if given) is gone, so that a crashed test run leaves nothing behind.
 */
public class OpenSearchNode extends Node {

    OpenSearchNode(Environment environment) {
        super(environment, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class), true);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int httpPort = Integer.parseInt(args[1]);
        long owner = args.length > 2 ? Long.parseLong(args[2]) : -1;
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("logs"));
        Settings settings = Settings.builder()
                .put("cluster.name", "floe-test")
                .put("node.name", "floe-test-node")
                .put("path.home", dir.toString())
                .put("path.data", dir.resolve("data").toString())
                .put("path.logs", dir.resolve("logs").toString())
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", "0")
                .put("discovery.type", "single-node")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", false)
                .build();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "floe-test-node");
        Node node = new OpenSearchNode(environment);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }));
        node.start();
        System.out.println("OpenSearch node ready on http://127.0.0.1:" + httpPort);
        if (owner > 0) {
            ProcessHandle.of(owner).ifPresentOrElse(p -> p.onExit().join(), () -> { });
            System.exit(0);
        }
        Thread.currentThread().join();
    }
}
