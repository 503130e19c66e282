package dev.floe.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

    @Bean
    FloeSettings floeSettings(Environment environment) {
        return FloeSettings.from(environment::getProperty);
    }

    @Bean
    SecretKey secretKey(FloeSettings settings) {
        return SecretKey.load(settings);
    }
}
