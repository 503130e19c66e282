package dev.floe.ops;

import java.util.List;
import java.util.concurrent.Callable;

import dev.floe.config.FloeContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floe check [--deploy]}: every configuration problem at once, each a line with its severity. */
@Command(name = "check", description = "Report every problem with the settings, the outside services and the migrations "
        + "at once; --deploy checks as for production. Exits non-zero when any problem is serious (ERROR).")
public class CheckCommand implements Callable<Integer> {

    @Option(names = "--deploy", description = "Check as a production deployment: secret, domain, debug, TLS, S3, mail.")
    boolean deploy;

    @Override
    public Integer call() {
        List<DeploymentCheck.Finding> findings = new DeploymentCheck(FloeContext::setting, deploy).run();
        findings.forEach(finding -> System.out.println(finding.line()));
        List<String> serious = findings.stream().filter(f -> f.severity() == DeploymentCheck.Severity.ERROR)
                .map(DeploymentCheck.Finding::subject).distinct().toList();
        long warnings = findings.stream().filter(f -> f.severity() == DeploymentCheck.Severity.WARNING).count();
        if (!serious.isEmpty()) {
            System.err.println("floe: check found " + serious.size() + " serious problem" + (serious.size() == 1 ? "" : "s")
                    + " (" + String.join(", ", serious) + ")");
            return 1;
        }
        System.out.println("No serious problems" + (warnings == 0 ? "." : " (" + warnings + " warning" + (warnings == 1 ? ")." : "s).")));
        return 0;
    }
}
