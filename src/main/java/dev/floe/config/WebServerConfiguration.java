package dev.floe.config;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

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

    /**
     * Floe's {@link TomcatErrorReport} in place of Tomcat's error page. Ordered last, so that it runs after Spring
     * Boot's customizer, which puts a plain {@link ErrorReportValve} on the host when stack traces are never shown.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorReport() {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            // The host adds a valve of this class when it starts unless it finds one, so it must name Floe's.
            host.setErrorReportValveClass(TomcatErrorReport.class.getName());
            host.getPipeline().addValve(new TomcatErrorReport());
        });
    }
}
