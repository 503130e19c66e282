package dev.floe.publishing;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.config.FloeContext;
import picocli.CommandLine.Command;

/** {@code floe publish-scheduled}: carries out every go-live and expiry that is due, once. */
@Command(name = "publish-scheduled", description = "Publish and expire pages whose scheduled time has come.")
public class PublishScheduledCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = FloeContext.start(false, null)) {
            ScheduledPublisher.Report report = context.getBean(ScheduledPublisher.class).runDue();
            System.out.println("Scheduled publishing: " + report.done() + " done, " + report.failed() + " could not be done.");
            if (report.failed() > 0) {
                System.err.println("floe: " + report.failed() + " scheduled job(s) could not be carried out; their reasons are in the log.");
                return 1;
            }
            return 0;
        }
    }
}
