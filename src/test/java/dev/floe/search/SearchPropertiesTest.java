package dev.floe.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.floe.config.FloeSettings;

class SearchPropertiesTest {

    private static final String POLLING = "hibernate.search.coordination.event_processor.polling_interval";

    @Test
    void aServingInstanceOutsideTestsReadsTheOutboxEverySecond() {
        FloeSettings develop = FloeSettings.from(Map.<String, String>of()::get);

        assertThat(SearchConfiguration.searchProperties(production(), mapping(), true)).containsEntry(POLLING, 1000);
        assertThat(SearchConfiguration.searchProperties(develop, mapping(), true)).containsEntry(POLLING, 1000);
    }

    @Test
    void testsAndInstancesThatDoNotProcessTheOutboxKeepTheDefault() {
        FloeSettings test = FloeSettings.from(Map.of("BASE_SETTINGS_MODULE", "test")::get);

        assertThat(SearchConfiguration.searchProperties(test, mapping(), true)).doesNotContainKey(POLLING);
        assertThat(SearchConfiguration.searchProperties(production(), mapping(), false)).doesNotContainKey(POLLING);
    }

    private static FloeSettings production() {
        return FloeSettings.from(Map.of("BASE_SETTINGS_MODULE", "production",
                "SITE_DOMAIN", "www.example.org", "SECRET_KEY", "Xq7vR2mT9pLw4ZsK8nB3cY6hJ1dF5gA0eU")::get);
    }

    private static SearchMapping mapping() {
        return new SearchMapping(null, SearchMapping.INDEX, List.of());
    }
}
