package dev.floe.ops;

import dev.floe.config.FloeContext;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.config.FloeSettings;
import dev.floe.demo.DemoContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floe serve}: runs the site until stopped. */
@Command(name = "serve", description = "Serve the site (and the admin and API) until stopped.")
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--site", paramLabel = "DIR", description = "Site project folder (default: FLOE_SITE_DIR).")
    Path site;

    @Override
    public Integer call() throws InterruptedException {
        return serve(site, false);
    }

    static int serve(Path site, boolean demo) throws InterruptedException {
        ConfigurableApplicationContext context = FloeContext.start(true, site);
        if (demo) {
            context.getBean(DemoContent.class).loadIfEmpty();
        }
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        FloeSettings settings = context.getBean(FloeSettings.class);
        System.out.println("Floe is running at http://localhost:" + port + "/ (" + settings.module().label() + ", "
                + settings.database().describe() + "). Stop it with Ctrl+C.");
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                stopped.countDown();
            }
        });
        context.registerShutdownHook();
        stopped.await();
        return 0;
    }
}
