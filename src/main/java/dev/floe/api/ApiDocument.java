package dev.floe.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The headline of /api/v2/openapi.json: what the API is and how to authenticate. */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

    @Bean
    OpenAPI floeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Floe content API").version("v2")
                        .description("Published content is public and read-only; every change needs a bearer token "
                                + "(floe createtoken --email E). Errors are {\"error\": sentence, \"details\": [...]}."))
                .schemaRequirement("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
