package dev.floe;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/** The Floe application; started by {@link Floe}, the command line. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class FloeApplication {
}
