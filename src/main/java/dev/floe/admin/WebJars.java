package dev.floe.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Scripts the admin uses from WebJars on the class path (htmx), served by Floe itself under
 * {@value #URL_PREFIX}, with the version in the address so that they can be cached for good.
 */
@Component
class WebJars {

    static final String URL_PREFIX = "/admin/webjars/";
    static final String CLASSPATH_ROOT = "META-INF/resources/webjars/";

    private final Map<String, String> versions = new ConcurrentHashMap<>();

    /** The address of a file of a WebJar: {@code url("htmx.org", "dist/htmx.min.js")}. */
    String url(String library, String file) {
        return URL_PREFIX + library + "/" + version(library) + "/" + file;
    }

    String version(String library) {
        return versions.computeIfAbsent(library, WebJars::findVersion);
    }

    private static String findVersion(String library) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(WebJars.class.getClassLoader())
                    .getResources("classpath*:" + CLASSPATH_ROOT + library + "/*/package.json");
            if (found.length == 0) {
                found = new PathMatchingResourcePatternResolver(WebJars.class.getClassLoader())
                        .getResources("classpath*:" + CLASSPATH_ROOT + library + "/*/*");
            }
            if (found.length == 0) {
                throw new IllegalStateException("The WebJar " + library + " is not on the class path");
            }
            String url = found[0].getURL().toString();
            int start = url.indexOf(CLASSPATH_ROOT + library + "/") + CLASSPATH_ROOT.length() + library.length() + 1;
            return url.substring(start, url.indexOf('/', start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
