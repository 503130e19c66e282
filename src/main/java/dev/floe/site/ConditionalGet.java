package dev.floe.site;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional GET for the public site and the API: an ETag from the response body, and 304 Not Modified when the
 * client already has it. Hashing the body is always right, whatever the page shows (menus, listings, ...).
 */
@Configuration(proxyBeanMethods = false)
class ConditionalGet {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/*");
        registration.setName("etags");
        return registration;
    }
}
