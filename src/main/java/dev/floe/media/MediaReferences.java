package dev.floe.media;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.floe.blocks.FieldReference;
import dev.floe.blocks.FieldType;

/** Image and document fields of blocks must name items that are in the media library. */
@Configuration(proxyBeanMethods = false)
class MediaReferences {

    @Bean
    FieldReference imageReference(ImageRepository images) {
        return new FieldReference() {
            @Override
            public FieldType fieldType() {
                return FieldType.IMAGE;
            }

            @Override
            public boolean exists(long id) {
                return images.existsById(id);
            }
        };
    }

    @Bean
    FieldReference documentReference(DocumentRepository documents) {
        return new FieldReference() {
            @Override
            public FieldType fieldType() {
                return FieldType.DOCUMENT;
            }

            @Override
            public boolean exists(long id) {
                return documents.existsById(id);
            }
        };
    }
}
