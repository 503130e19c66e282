package dev.floe.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat settings that Spring Boot has no property for (the others are under {@code server.tomcat} in application.yaml). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebServerConfiguration {

    /**
     * Bytes a connection gathers before each write to the socket. Tomcat's 8 KB sends a 28 KB page in four system
     * calls; 32 KB sends most pages, headers included, in one: a cached page costs about a fifth less CPU
     * (docs/benchmarks.md). Every open connection holds this buffer, which is why {@code server.tomcat.max-connections}
     * is 2,048: at most 80 MB for the buffers, less than Tomcat's defaults (8,192 connections of 16 KB) allowed.
     */
    static final int SOCKET_WRITE_BUFFER = 32 * 1024;

    @Bean
    TomcatConnectorCustomizer socketWriteBuffer() {
        return connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_WRITE_BUFFER));
    }
}
