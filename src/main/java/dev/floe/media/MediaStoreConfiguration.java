package dev.floe.media;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.floe.config.FloeSettings;
import dev.floe.config.MailAndMediaSettings;

/** The media store the environment asks for: S3 when {@code AWS_STORAGE_BUCKET_NAME} is set, else {@code var/media}. */
@Configuration(proxyBeanMethods = false)
class MediaStoreConfiguration {

    @Bean
    MediaStore mediaStore(FloeSettings settings, Environment environment) {
        MailAndMediaSettings media = MailAndMediaSettings.from(environment::getProperty);
        return media.s3().<MediaStore>map(S3MediaStore::new)
                .orElseGet(() -> new LocalMediaStore(settings.varDir().resolve("media")));
    }
}
