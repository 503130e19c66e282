package dev.floe.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Public so that the slim contexts of one-off commands can import it. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Background jobs run in serving instances only, not in one-off commands. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    @EnableScheduling
    static class Scheduling {
    }
}
