package dev.floe.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import io.lettuce.core.ClientOptions;

/**
 * Admin sessions live in Redis when {@code REDIS_ADDRESS} is set (Spring Session). When Redis stops answering, no
 * request may fail for it: a session that cannot be read counts as absent (the editor signs in again once Redis is
 * back) and one that cannot be saved is dropped, each with a warning. Without Redis there is no session repository
 * (Tomcat keeps the sessions) and this does nothing.
 */
@Configuration(proxyBeanMethods = false)
class RedisSessionFallback {

    private static final Logger log = LoggerFactory.getLogger(RedisSessionFallback.class);

    @Bean
    static BeanPostProcessor sessionsThatSurviveRedis() {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof SessionRepository<?> repository && !(bean instanceof Tolerant)) {
                    return new Tolerant(repository);
                }
                return bean;
            }
        };
    }

    /** While the connection is down, commands fail at once instead of queueing until their timeout. */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsAway() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /** A session repository whose failures cost the editor their session, never the request. */
    static final class Tolerant<S extends Session> implements SessionRepository<S> {

        private final SessionRepository<S> sessions;

        Tolerant(SessionRepository<S> sessions) {
            this.sessions = sessions;
        }

        @Override
        public S createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(S session) {
            try {
                sessions.save(session);
            } catch (RuntimeException e) {
                log.warn("Could not keep a session in Redis (the editor will sign in again): {}", e.getMessage());
            }
        }

        @Override
        public S findById(String id) {
            try {
                return sessions.findById(id);
            } catch (RuntimeException e) {
                log.warn("Could not read a session from Redis (the editor will sign in again): {}", e.getMessage());
                return null;
            }
        }

        @Override
        public void deleteById(String id) {
            try {
                sessions.deleteById(id);
            } catch (RuntimeException e) {
                log.warn("Could not delete a session from Redis: {}", e.getMessage());
            }
        }
    }
}
