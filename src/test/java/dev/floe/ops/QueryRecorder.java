package dev.floe.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * When the system property {@code floe.record-queries} names a file, every test context's data source writes down
 * each distinct query the application sends through it, Hibernate's and plain JDBC's alike, one a line: a release's
 * queries, which the next release's schema must still answer (see {@link PreviousReleaseQueriesTest} and
 * scripts/record-queries.sh). Left out: what Liquibase runs (migrations are the new release's), what the tests
 * themselves run, and what the operators' commands in {@code dev.floe.ops} run (backup and restore read the schema
 * they find and build their statements from it). Changes nothing it passes on.
 */
@AutoConfiguration
@ConditionalOnProperty("floe.record-queries")
public class QueryRecorder {

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @Bean
    static BeanPostProcessor recordingDataSources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource ? proxy(DataSource.class, dataSource) : bean;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (self, method, args) -> {
            if (args != null && args.length > 0 && args[0] instanceof String sql && isQuery(method.getName())) {
                record(sql);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection connection && type == DataSource.class) {
                return proxy(Connection.class, connection);
            }
            if (result instanceof Statement statement && type == Connection.class && method.getName().equals("createStatement")) {
                return proxy(Statement.class, statement);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(QueryRecorder.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** True when a class of the application (not of the tests, not dev.floe.ops) is on the stack, and Liquibase is not. */
    private static boolean sentByTheApplication() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> {
            boolean application = false;
            for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                Class<?> type = frame.getDeclaringClass();
                if (type.getName().startsWith("liquibase.")) {
                    return false;
                }
                application |= type.getName().startsWith("dev.floe.") && !type.getPackageName().equals("dev.floe.ops")
                        && !fromTestClasses(type);
            }
            return application;
        });
    }

    private static boolean fromTestClasses(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation().getPath().contains("test-classes");
    }

    private static boolean isQuery(String method) {
        return method.equals("prepareStatement") || method.startsWith("execute") || method.equals("addBatch");
    }

    private static void record(String sql) {
        String line = sql.replaceAll("\\s+", " ").strip();
        String lower = line.toLowerCase(Locale.ROOT);
        boolean dml = lower.startsWith("select") || lower.startsWith("insert") || lower.startsWith("update")
                || lower.startsWith("delete") || lower.startsWith("with") || lower.startsWith("merge");
        if (!dml || !sentByTheApplication() || !SEEN.add(line)) {
            return;
        }
        try {
            Files.writeString(Path.of(System.getProperty("floe.record-queries")), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
