package dev.floe.staticfiles;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code floe collectstatic}: gathers platform and site static files, hashed, with a manifest, into FLOE_STATIC_ROOT.
 * It needs neither Spring nor a database, because it runs while an image is built, where neither exists.
 */
@Command(name = "collectstatic", description = "Gather static files into FLOE_STATIC_ROOT with content-hashed names and a manifest.")
public class CollectStaticCommand implements Callable<Integer> {

    @Option(names = "--site", paramLabel = "DIR", description = "Site project folder (default: FLOE_SITE_DIR).")
    Path site;

    @Override
    public Integer call() {
        StaticFiles staticFiles = StaticFiles.standalone(site);
        int count = staticFiles.collect(line -> { });
        System.out.println("Collected " + count + " static file" + (count == 1 ? "" : "s") + " into " + staticFiles.root() + ".");
        return 0;
    }
}
