package dev.floe.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FloeSettingsTest {

    private static FloeSettings settings(Map<String, String> env) {
        return FloeSettings.from(env::get);
    }

    @Test
    void withNothingSetFloeRunsOnEmbeddedDefaults() {
        FloeSettings s = settings(Map.of());

        assertThat(s.module()).isEqualTo(SettingsModule.DEVELOP);
        assertThat(s.database().postgres()).isFalse();
        assertThat(s.database().jdbcUrl()).startsWith("jdbc:h2:file:").contains("AUTO_SERVER=TRUE");
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.siteDomain()).isEqualTo("localhost");
        assertThat(s.migrateOnStart()).isTrue();
    }

    @Test
    void anyPgVariableSwitchesToPostgres() {
        FloeSettings s = settings(Map.of("PGHOST", "db.internal", "PGDATABASE", "site", "PGUSER", "floe", "PGPASSWORD", "pw"));

        assertThat(s.database().postgres()).isTrue();
        assertThat(s.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/site");
        assertThat(s.database().username()).isEqualTo("floe");
    }

    @Test
    void productionRefusesToStartWithoutASecretOrDomainOrWithAWeakSecret() {
        assertThatThrownBy(() -> settings(Map.of("BASE_SETTINGS_MODULE", "production", "SITE_DOMAIN", "www.a.com")))
                .hasMessageStartingWith("SECRET_KEY");
        assertThatThrownBy(() -> settings(Map.of("BASE_SETTINGS_MODULE", "production", "SECRET_KEY", "short", "SITE_DOMAIN", "www.a.com")))
                .hasMessageStartingWith("SECRET_KEY is too weak");
        assertThatThrownBy(() -> settings(Map.of("BASE_SETTINGS_MODULE", "production", "SECRET_KEY", "changeme-changeme-changeme-changeme", "SITE_DOMAIN", "www.a.com")))
                .hasMessageStartingWith("SECRET_KEY is too weak");
        assertThatThrownBy(() -> settings(Map.of("BASE_SETTINGS_MODULE", "production", "SECRET_KEY", "k3J9-qX2v7Lp0zR8tY4wB6nM1cF5hD0sA")))
                .hasMessageStartingWith("SITE_DOMAIN");
    }

    @Test
    void productionDoesNotMigrateOnStartUnlessTold() {
        Map<String, String> production = Map.of("BASE_SETTINGS_MODULE", "production",
                "SECRET_KEY", "k3J9-qX2v7Lp0zR8tY4wB6nM1cF5hD0sA", "SITE_DOMAIN", "www.a.com");
        assertThat(settings(production).migrateOnStart()).isFalse();

        Map<String, String> told = new java.util.HashMap<>(production);
        told.put("FLOE_MIGRATE_ON_START", "yes");
        assertThat(settings(told).migrateOnStart()).isTrue();
    }

    @Test
    void theBaseUrlCarriesThePortOnlyOnADevelopersMachine() {
        Map<String, String> production = Map.of("BASE_SETTINGS_MODULE", "production",
                "SECRET_KEY", "k3J9-qX2v7Lp0zR8tY4wB6nM1cF5hD0sA", "SITE_DOMAIN", "www.a.com", "PORT", "8000");

        assertThat(settings(Map.of()).baseUrl()).as("develop, localhost, PORT 8080 by default").isEqualTo("http://localhost:8080");
        assertThat(settings(Map.of("PORT", "80")).baseUrl()).isEqualTo("http://localhost");
        assertThat(settings(Map.of("SITE_DOMAIN", "dev.example.org", "PORT", "9000")).baseUrl()).as("behind a proxy")
                .isEqualTo("http://dev.example.org");
        assertThat(settings(production).baseUrl()).isEqualTo("http://www.a.com");
        assertThat(settings(Map.of("BASE_SETTINGS_MODULE", "test")).baseUrl()).isEqualTo("http://localhost");
    }

    @Test
    void virtualHostsMayCarrySchemes() {
        FloeSettings s = settings(Map.of("SITE_DOMAIN", "www.mydomain.com.au", "VIRTUAL_HOST", "www.domain.com.au,https://www.mydomain.com.au"));

        assertThat(s.acceptedHosts()).containsExactly("www.mydomain.com.au", "www.domain.com.au");
    }

    @Test
    void badValuesNameTheirVariable() {
        assertThatThrownBy(() -> settings(Map.of("PORT", "99999"))).hasMessageStartingWith("PORT");
        assertThatThrownBy(() -> settings(Map.of("PGPORT", "x"))).hasMessageStartingWith("PGPORT");
        assertThatThrownBy(() -> settings(Map.of("FORCE_SSL", "maybe"))).hasMessageStartingWith("FORCE_SSL");
        assertThatThrownBy(() -> settings(Map.of("REDIS_ADDRESS", "localhost"))).hasMessageStartingWith("REDIS_ADDRESS");
        assertThatThrownBy(() -> settings(Map.of("ELASTICSEARCH_ADDRESS", "ftp://x"))).hasMessageStartingWith("ELASTICSEARCH_ADDRESS");
        assertThatThrownBy(() -> settings(Map.of("BASE_SETTINGS_MODULE", "staging"))).hasMessageStartingWith("BASE_SETTINGS_MODULE");
        assertThatThrownBy(() -> settings(Map.of("VIRTUAL_HOST", "bad host!"))).hasMessageStartingWith("VIRTUAL_HOST");
    }
}
