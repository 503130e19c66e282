package dev.floe.accounts;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import dev.floe.config.ClockConfiguration;

/**
 * The context of {@code createsuperuser} and {@code createtoken} (started with
 * {@link dev.floe.config.FloeContext#startOnly}): the database, Hibernate for the three entities of users, groups and
 * tokens, and {@link Accounts}. An operator makes the first superuser of a new site, or a token during an incident,
 * so these commands must not need the search engine (Hibernate Search checks it as it boots) or Redis, and need not
 * build the mapping of every other entity. Not a {@code @Configuration}: the serving context's component scan must
 * not find it.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class})
@EnableJpaRepositories(basePackageClasses = Accounts.class, includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
        classes = {UserRepository.class, GroupRepository.class, ApiTokenRepository.class}))
@Import({Accounts.class, SecurityConfiguration.class, ClockConfiguration.class})
final class AccountCommands {

    @Bean
    static PersistenceManagedTypes accountEntities() {
        return PersistenceManagedTypes.of(User.class.getName(), Group.class.getName(), ApiToken.class.getName());
    }

    /** Hibernate Search joins any Hibernate it finds on the class path; no entity here is indexed. */
    @Bean
    HibernatePropertiesCustomizer withoutSearch() {
        return properties -> properties.put("hibernate.search.enabled", false);
    }
}
