package dev.floe.search;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.web.context.WebApplicationContext;

import dev.floe.config.FloeSettings;
import dev.floe.config.SettingsException;
import dev.floe.config.SettingsModule;
import dev.floe.pages.PageRenderer;

/**
 * Hibernate Search on the pages and every {@link SearchableEntity}: the embedded Lucene index under {@code FLOE_VAR_DIR/index}, or Elasticsearch /
 * OpenSearch when {@code ELASTICSEARCH_ADDRESS} is set, with one mapping for both. Index updates travel through the
 * database outbox (its tables come from Liquibase), so an update survives a crash and instances share one index.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

    /** Set by commands that write to the index themselves ({@code floe reindex}). */
    static final String INDEXING_COMMAND = "floe.search.indexing-command";
    /** The index's name; instances of one site share it, sites sharing a search server need their own. */
    static final String INDEX_NAME = "floe.search.index-name";

    /** Present when this context writes the embedded index (closed with the context). */
    @Bean(destroyMethod = "close")
    IndexWriterRole indexWriterRole(FloeSettings settings, ApplicationContext context, Environment environment) {
        boolean serving = context instanceof WebApplicationContext;
        boolean indexingCommand = environment.getProperty(INDEXING_COMMAND, Boolean.class, false);
        if (settings.elasticsearchAddress().isPresent()) {
            // Every instance and indexing command processes the outbox; the search server takes writes from all.
            return new IndexWriterRole(serving || indexingCommand, Optional.empty());
        }
        if (!serving && !indexingCommand) {
            return new IndexWriterRole(false, Optional.empty());
        }
        Optional<EmbeddedIndexOwnership> ownership = EmbeddedIndexOwnership.tryAcquire(luceneRoot(settings));
        if (ownership.isEmpty() && serving) {
            log.warn("The embedded search index under {} is in use by another instance, which will process this one's index updates;"
                    + " searching here is unavailable. Several instances need a search server (ELASTICSEARCH_ADDRESS).", luceneRoot(settings));
        }
        return new IndexWriterRole(ownership.isPresent(), ownership);
    }

    /** Whether this context processes the outbox into the index, and the embedded index's lock it then holds. */
    record IndexWriterRole(boolean processes, Optional<EmbeddedIndexOwnership> ownership) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (ownership.isPresent()) {
                ownership.get().close();
            }
        }
    }

    @Bean
    HibernatePropertiesCustomizer searchProperties(FloeSettings settings, ObjectProvider<PageRenderer> renderer,
                                                   List<SearchableEntity<?>> others, IndexWriterRole role,
                                                   Environment environment) {
        settings.elasticsearchAddress().ifPresent(SearchConfiguration::requireReachable);
        String indexName = indexName(settings, environment);
        SearchMapping mapping = new SearchMapping(renderer, indexName, others);
        boolean rebuilding = role.processes() && settings.elasticsearchAddress().isPresent()
                && rebuildInProgress(new OpenSearchIndexes(settings.elasticsearchAddress().get()), indexName, others);
        return properties -> {
            properties.putAll(searchProperties(settings, mapping, role.processes()));
            if (rebuilding) {
                // Hibernate Search's schema check refuses aliases split between two indexes, and would stop start-up.
                properties.put("hibernate.search.schema_management.strategy", "none");
            }
        };
    }

    /**
     * Whether a rebuild (running, or killed half-way) has the write alias of an index on another index than its read
     * alias. An instance starting meanwhile leaves the schema alone; floe reindex repairs a half-done rebuild.
     */
    private static boolean rebuildInProgress(OpenSearchIndexes server, String indexName, List<SearchableEntity<?>> others) {
        List<String> names = new java.util.ArrayList<>(List.of(indexName));
        others.forEach(other -> names.add(SearchMapping.indexName(indexName, other)));
        for (String name : names) {
            Optional<String> read = server.aliasTarget(OpenSearchIndexes.readAlias(name));
            if (read.isPresent() && !read.equals(server.aliasTarget(OpenSearchIndexes.writeAlias(name)))) {
                log.warn("The search index {} is being rebuilt, or a rebuild was left half-done (its aliases point to different indexes);"
                        + " its schema is left as it is. If no floe reindex is running, run one: it repairs the rebuild first.", name);
                return true;
            }
        }
        return false;
    }

    /**
     * The pages' index: "page"; in the test settings module, one name per database, so that test runs with separate databases can share
     * one search server without seeing each other's pages.
     */
    static String indexName(FloeSettings settings, Environment environment) {
        String configured = environment.getProperty(INDEX_NAME);
        return configured != null && !configured.isBlank() ? configured : defaultIndexName(settings);
    }

    private static String defaultIndexName(FloeSettings settings) {
        if (settings.module() == SettingsModule.TEST && settings.elasticsearchAddress().isPresent()) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(settings.database().jdbcUrl().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "page-test-" + Long.toHexString(crc.getValue());
        }
        return SearchMapping.INDEX;
    }

    /**
     * Only instances that {@code processes} the outbox touch the index: a command such as {@code floe createtoken}, run
     * beside a serving instance, writes its index updates to the outbox and leaves the index (which, embedded, only one
     * process may write) to the serving instances.
     */
    static Map<String, Object> searchProperties(FloeSettings settings, SearchMapping mapping, boolean processes) {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        if (processes) {
            // A failed event is retried after 5 s (not 30 s); SearchOutbox re-queues events that ran out of retries.
            p.put("hibernate.search.coordination.event_processor.retry_delay", 5);
            // Larger batches than the default 50: a rebuild queues every page at once.
            p.put("hibernate.search.coordination.event_processor.batch_size", 200);
            if (settings.module() == SettingsModule.TEST) {
                // Tests kill instances on purpose: the events of an agent that stopped pulsing go to the others after
                // 10 s rather than Hibernate Search's 30 s.
                p.put("hibernate.search.coordination.event_processor.pulse_expiration", 10_000);
                // Tests rebuild the index dozens of times: each rebuild's mass indexer waits for the event processors
                // to pause and they resume only at their next pulse, which at Hibernate Search's 2 s made a rebuild
                // of a few pages take 6 s. A pulse is one small update of the agent table; the pulse interval must
                // stay under a third of the expiration.
                p.put("hibernate.search.coordination.event_processor.pulse_interval", 200);
                p.put("hibernate.search.coordination.mass_indexer.pulse_interval", 200);
                // Tests stop the search engine on purpose: an update fails its three attempts and is given up in a
                // few seconds rather than fifteen, so the wait for SearchOutbox to queue it again is short too.
                p.put("hibernate.search.coordination.event_processor.retry_delay", 1);
            } else {
                // The outbox is read every second, not every 100 ms: an idle instance spent 50 ms of CPU a second
                // (23 with this), and its database a query per instance every 100 ms. A published page still reaches
                // search within about a second. Tests keep the default so that they do not wait.
                p.put("hibernate.search.coordination.event_processor.polling_interval", 1000);
            }
        } else {
            p.put("hibernate.search.coordination.event_processor.enabled", false);
        }
        p.put("hibernate.search.mapping.configurer", mapping);
        p.put("hibernate.search.coordination.strategy", "outbox-polling");
        // Liquibase owns the outbox tables; Hibernate must never create or check schema.
        p.put("hibernate.search.coordination.entity.mapping.outboxevent.table", SearchOutbox.EVENT_TABLE);
        p.put("hibernate.search.coordination.entity.mapping.agent.table", SearchOutbox.AGENT_TABLE);
        p.put("hibernate.search.schema_management.strategy", processes ? "create-or-update" : "none");
        if (settings.elasticsearchAddress().isPresent()) {
            URI address = settings.elasticsearchAddress().get();
            p.put("hibernate.search.backend.type", "elasticsearch");
            p.put("hibernate.search.backend.uris", address.getScheme() + "://" + address.getHost() + ":" + port(address));
            p.put("hibernate.search.backend.analysis.configurer", new SearchAnalysis.Elasticsearch());
            p.put("hibernate.search.backend.request_timeout", 10_000);
            p.put("hibernate.search.backend.connection_timeout", 3_000);
            if (settings.module() == SettingsModule.TEST) {
                // Tests wait for each update to be searchable, hundreds of times: the indexes refresh every 100 ms
                // rather than every second.
                p.put("hibernate.search.backend.schema_management.settings_file", "dev/floe/search/test-index-settings.json");
            }
            if (!processes) {
                // A context that never indexes or searches (a command such as floe check) does not ask the cluster
                // for its version at start; any dialect serves for writing index updates to the outbox.
                p.put("hibernate.search.backend.version_check.enabled", false);
                p.put("hibernate.search.backend.version", "opensearch:2.19");
            }
            if (address.getUserInfo() != null) {
                String[] user = address.getUserInfo().split(":", 2);
                p.put("hibernate.search.backend.username", user[0]);
                p.put("hibernate.search.backend.password", user.length > 1 ? user[1] : "");
            }
        } else {
            p.put("hibernate.search.backend.type", "lucene");
            // The version whose analysis the indexes were written with: a Lucene upgrade keeps reading and writing
            // them the same way until this changes (with a reindex). Unset, Hibernate Search warns at every start.
            p.put("hibernate.search.backend.lucene_version", "LUCENE_9_12_0");
            p.put("hibernate.search.backend.directory.root", luceneRoot(settings).toString());
            if (!processes) {
                // Memory-mapped access would load Lucene's native-access code, whose JVM warnings would clutter the
                // output of commands run without --enable-native-access; this context never opens the index anyway.
                p.put("hibernate.search.backend.directory.filesystem_access.strategy", "nio");
            }
            p.put("hibernate.search.backend.analysis.configurer", new SearchAnalysis.Lucene());
            // Searches see an update within a second without a refresh per write.
            p.put("hibernate.search.backend.io.refresh_interval", 200);
        }
        return p;
    }

    static java.nio.file.Path luceneRoot(FloeSettings settings) {
        return settings.varDir().resolve("index");
    }

    /** An unreachable search engine at start stops start-up with one line naming the variable (DESIGN.md). */
    private static void requireReachable(URI address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHost(), port(address)), 3_000);
        } catch (IOException e) {
            throw new SettingsException("ELASTICSEARCH_ADDRESS: cannot reach the search engine at " + address
                    + " (" + (e instanceof java.net.UnknownHostException ? "no host is named " + address.getHost() : e.getMessage())
                    + "); start it or unset ELASTICSEARCH_ADDRESS to use the embedded index");
        }
    }

    private static int port(URI address) {
        return address.getPort() > 0 ? address.getPort() : "https".equals(address.getScheme()) ? 443 : 9200;
    }
}
