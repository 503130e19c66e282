package dev.floe.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebFilterConfiguration {

    /** Before everything that looks at a request, Spring Security included (whose filters are ordered at -100). */
    static final int HOST_AND_TLS_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    FilterRegistrationBean<HostAndTlsFilter> hostAndTlsFilter(FloeSettings settings) {
        FilterRegistrationBean<HostAndTlsFilter> registration = new FilterRegistrationBean<>(new HostAndTlsFilter(settings));
        registration.setOrder(HOST_AND_TLS_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<MalformedQueryFilter> malformedQueryFilter() {
        FilterRegistrationBean<MalformedQueryFilter> registration = new FilterRegistrationBean<>(new MalformedQueryFilter());
        registration.setOrder(HOST_AND_TLS_ORDER + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
