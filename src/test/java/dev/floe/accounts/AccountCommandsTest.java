package dev.floe.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.config.FloeContext;
import dev.floe.support.FloeIntegrationTest;
import jakarta.persistence.EntityManagerFactory;

/**
 * The context of createsuperuser and createtoken, on the database of a running instance: it maps the accounts'
 * entities alone and never boots the search mapping, yet what it makes works on the instance.
 */
class AccountCommandsTest extends FloeIntegrationTest {

    @Test
    void theAccountCommandsContextMakesUsersAndTokensWithoutTheSearchMappingOrOtherEntities() {
        String email = unique("operator") + "@example.org";
        String token;
        try (ConfigurableApplicationContext context = FloeContext.startOnly(AccountCommands.class)) {
            Accounts commands = context.getBean(Accounts.class);
            assertThat(commands.createSuperuser(email, "a long enough password").superuser()).isTrue();
            token = commands.createToken(email, "deploys");

            assertThat(context.getBean(EntityManagerFactory.class).getMetamodel().getEntities())
                    .extracting(type -> type.getJavaType().getSimpleName())
                    .containsExactlyInAnyOrder("User", "Group", "ApiToken");
            assertThat(context.getBeanNamesForType(org.hibernate.search.mapper.orm.mapping.SearchMapping.class)).isEmpty();
        }

        assertThat(accounts.authenticateToken(token)).map(FloeUser::email).contains(email);
        assertThat(anonymous.withToken(token).get("/api/v2/pages/?draft=true").status()).isEqualTo(200);
    }
}
