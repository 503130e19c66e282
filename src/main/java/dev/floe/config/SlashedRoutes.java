package dev.floe.config;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The admin's and the API's addresses end in a slash, as Wagtail's do. Someone who types one without it is sent to
 * it (as Django's APPEND_SLASH does, and as the public site does for pages) rather than told there is nothing there.
 */
@Component
public class SlashedRoutes {

    // Read on first use: the handler mapping is complete only once the context has started, and it is made from the
    // interceptors that ask this.
    private final ObjectProvider<RequestMappingHandlerMapping> handlers;
    private final SingletonSupplier<List<PathPattern>> readable = SingletonSupplier.of(this::readableRoutes);

    SlashedRoutes(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers) {
        this.handlers = handlers;
    }

    /**
     * Where to send a GET or HEAD request for an address that lacks its final slash, with its query; empty when the
     * address with the slash is not one of the admin's or the API's either.
     */
    public java.util.Optional<String> withSlash(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.endsWith("/") || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            return java.util.Optional.empty();
        }
        if (!isReadableRoute(path + "/")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(path + "/" + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
    }

    /** Whether a GET of this path reaches one of the admin's or the API's screens or endpoints. */
    public boolean isReadableRoute(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return readable.obtain().stream().anyMatch(pattern -> pattern.matches(container));
    }

    private List<PathPattern> readableRoutes() {
        return handlers.getObject().getHandlerMethods().keySet().stream()
                .filter(SlashedRoutes::readable)
                .flatMap(info -> info.getPathPatternsCondition() == null ? java.util.stream.Stream.empty()
                        : info.getPathPatternsCondition().getPatterns().stream())
                .filter(pattern -> (pattern.getPatternString().startsWith("/admin/") || pattern.getPatternString().startsWith("/api/"))
                        && pattern.getPatternString().endsWith("/"))
                .toList();
    }

    private static boolean readable(RequestMappingInfo info) {
        var methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() || methods.contains(RequestMethod.GET);
    }
}
