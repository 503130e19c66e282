package dev.floe.ops;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floe demo}: serves with the demo site loaded (loaded once; later runs keep the editors' changes). */
@Command(name = "demo", description = "Serve the site with the demo content loaded.")
public class DemoCommand implements Callable<Integer> {

    @Option(names = "--site", paramLabel = "DIR", description = "Site project folder (default: FLOE_SITE_DIR).")
    Path site;

    @Override
    public Integer call() throws InterruptedException {
        return ServeCommand.serve(site, true);
    }
}
