package dev.floe.ops;

import dev.floe.config.FloeContext;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.config.FloeSettings;
import dev.floe.demo.DemoContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

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
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopAsked = new AtomicBoolean();
        stopGracefullyOn(context, loaded, stopAsked, stopped, "TERM", "INT");
        context.registerShutdownHook();
        String running;
        try {
            if (demo) {
                context.getBean(DemoContent.class).loadIfEmpty();
            }
            // Read while a stop still waits for this block: the context is open.
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            FloeSettings settings = context.getBean(FloeSettings.class);
            running = "Floe is running at http://localhost:" + port + "/ (" + settings.module().label() + ", "
                    + settings.database().describe() + "). Stop it with Ctrl+C.";
        } finally {
            loaded.countDown();
        }
        if (!stopAsked.get()) {
            System.out.println(running);
        }
        stopped.await();
        if (Boolean.getBoolean("floe.class-archive.writes-at-exit")) {
            System.err.println("floe: stopped; saving the class archive that makes later starts faster (first run only)...");
        }
        return 0;
    }

    /**
     * On SIGTERM (or Ctrl+C) the context closes: the instance turns unready, finishes the requests in flight (at most
     * spring.lifecycle.timeout-per-shutdown-phase) and stops; then {@code serve} returns and the process exits 0.
     * The JVM's own handling of the signal would exit with 143, which reads as a failure to supervisors that restart
     * on one (Swarm's on-failure policy, systemd). A signal during the demo's load waits for it: the load is one
     * transaction, which a closing context would fail part-way, the work lost and the next start doing it again.
     */
    private static void stopGracefullyOn(ConfigurableApplicationContext context, CountDownLatch loaded, AtomicBoolean stopAsked,
                                         CountDownLatch stopped, String... signals) {
        for (String name : signals) {
            Signal.handle(new Signal(name), signal -> Thread.ofPlatform().name("floe-stop").start(() -> {
                stopAsked.set(true);
                try {
                    loaded.await();
                    context.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    stopped.countDown();
                }
            }));
        }
    }
}
