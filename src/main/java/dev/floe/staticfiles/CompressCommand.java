package dev.floe.staticfiles;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floe compress}: minifies collected CSS and JS and writes gzip and brotli copies beside text files. */
@Command(name = "compress", description = "Minify collected CSS and JS and write .gz and .br copies for serving precompressed.")
public class CompressCommand implements Callable<Integer> {

    @Option(names = "--site", paramLabel = "DIR", description = "Site project folder (default: FLOE_SITE_DIR).")
    Path site;

    @Override
    public Integer call() {
        Compressor.Report report = new Compressor(StaticFiles.standalone(site)).compress(line -> { });
        System.out.println("Minified " + report.minified() + " file(s) (" + report.bytesBefore() + " -> " + report.bytesAfter()
                + " bytes); wrote " + report.gzipped() + " gzip and " + report.brotli() + " brotli copies"
                + (report.brotliAvailable() ? "." : " (brotli is not available on this platform: gzip only)."));
        return 0;
    }
}
