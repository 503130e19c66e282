package dev.floe.pagecache;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import dev.floe.config.FloeSettings;

/**
 * The full-page cache: in this process, or in Redis when {@code REDIS_ADDRESS} is set, shared by every instance and
 * purged there, with a message to every instance so that what they keep in memory follows within a second. {@code floe.page-cache.enabled=false} turns it off. Commands
 * (publish-scheduled, ...) have the bus too, so that what they change is purged on the serving instances.
 */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    /** After the host check (which refuses unknown hosts first), before Spring Security and the ETag filter. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    @Bean
    PurgeBus purgeBus(FloeSettings settings, ApplicationEventPublisher events,
            @Value("${floe.page-cache.max-megabytes:64}") long maxMegabytes) {
        return settings.redisAddress()
                .<PurgeBus>map(address -> {
                    int colon = address.lastIndexOf(':');
                    return new RedisPurgeBus(events, address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
                })
                .orElseGet(() -> new PurgeBus.Local(new LocalPageCache(maxMegabytes * 1024 * 1024)));
    }

    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PurgeBus bus,
            @Value("${floe.page-cache.enabled:true}") boolean enabled) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(
                new PageCacheFilter(bus.cache(), bus, List.of("/admin", "/-/", "/static/", "/search", "/api/v2/openapi")));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        registration.setEnabled(enabled);
        return registration;
    }
}
