package dev.floe;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * The Floe application; started by the command line, {@code dev.floe.ops.Floe}. Its {@code main} is only for
 * Spring's build-time processing of the serving context without Redis (pom.xml, process-aot).
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class FloeApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(FloeApplication.class).main(FloeApplication.class).run(args);
    }
}
