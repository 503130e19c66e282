package dev.floe;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Names the serving context with Redis for Spring's build-time processing (pom.xml, process-aot with
 * {@code REDIS_ADDRESS} set): its generated code is {@code FloeWithRedis__ApplicationContextInitializer}, beside
 * {@code FloeApplication__ApplicationContextInitializer} for the context without Redis. Not a configuration class:
 * the beans are {@link FloeApplication}'s.
 */
public final class FloeWithRedis {

    public static void main(String[] args) {
        new SpringApplicationBuilder(FloeApplication.class).main(FloeWithRedis.class).run(args);
    }

    private FloeWithRedis() {
    }
}
