package dev.floe;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/** The Floe application; started by the command line, {@code dev.floe.ops.Floe}. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class FloeApplication {
}
