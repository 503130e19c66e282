package dev.floe.site;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sends a GET or HEAD whose first path segment begins no other route straight to the public site's {@code /**}, instead
 * of matching it against every route of the application first (about 190, an eighth of a page render's CPU). The
 * first segments are read from the routes themselves whenever they change, so a new controller is never shadowed. A
 * route whose first segment is a pattern claims every segment that starts with its literal part
 * ({@code /sitemap-{part}.xml} claims {@code sitemap-...}); one without a literal part turns the shortcut off.
 */
@Component
class PublicSiteRouting implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new Mapping();
    }

    /** The public site's route and the first path segments of every other route; null when any route could shadow it. */
    record Shortcut(RequestMappingInfo route, HandlerMethod handler, Set<String> claimedSegments, List<String> claimedPrefixes) {

        static Shortcut of(Map<RequestMappingInfo, HandlerMethod> routes) {
            RequestMappingInfo siteRoute = null;
            HandlerMethod site = null;
            Set<String> claimed = new HashSet<>();
            Set<String> prefixes = new HashSet<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> route : routes.entrySet()) {
                Set<String> patterns = route.getKey().getPatternValues();
                if (route.getValue().getBeanType() == PublicSite.class && patterns.equals(Set.of("/**"))) {
                    siteRoute = route.getKey();
                    site = route.getValue();
                    continue;
                }
                if (patterns.isEmpty()) {
                    return null; // a route for every path
                }
                for (String pattern : patterns) {
                    if (pattern.isEmpty()) {
                        return null; // a route for every path
                    }
                    String segment = firstSegment(pattern);
                    int wildcard = firstWildcard(segment);
                    if (wildcard == 0) {
                        return null;
                    }
                    if (wildcard > 0) {
                        prefixes.add(segment.substring(0, wildcard));
                    } else {
                        claimed.add(segment);
                    }
                }
            }
            return site == null ? null : new Shortcut(siteRoute, site, Set.copyOf(claimed), List.copyOf(prefixes));
        }

        /** The public site's route narrowed to this request, or null when the request must be routed the usual way. */
        RequestMappingInfo match(String lookupPath, HttpServletRequest request) {
            String segment = firstSegment(lookupPath);
            // Encoded or matrix-parameter segments are compared decoded by the routes; leave those to them.
            if (segment.indexOf('%') >= 0 || segment.indexOf(';') >= 0 || claimedSegments.contains(segment)
                    || CorsUtils.isPreFlightRequest(request)) {
                return null;
            }
            for (String prefix : claimedPrefixes) {
                if (segment.startsWith(prefix)) {
                    return null;
                }
            }
            return route.getMatchingCondition(request);
        }

        private static int firstWildcard(String segment) {
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c == '{' || c == '*' || c == '?') {
                    return i;
                }
            }
            return -1;
        }

        private static String firstSegment(String path) {
            int start = path.startsWith("/") ? 1 : 0;
            int end = path.indexOf('/', start);
            return end < 0 ? path.substring(start) : path.substring(start, end);
        }
    }

    static final class Mapping extends RequestMappingHandlerMapping {

        private volatile Shortcut shortcut;
        private volatile boolean current;

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            Shortcut routes = shortcut();
            RequestMappingInfo match = routes == null ? null : routes.match(lookupPath, request);
            if (match == null) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, routes.handler());
            handleMatch(match, lookupPath, request);
            return routes.handler();
        }

        private Shortcut shortcut() {
            if (!current) {
                shortcut = Shortcut.of(getHandlerMethods());
                current = true;
            }
            return shortcut;
        }

        @Override
        protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            current = false;
        }

        @Override
        public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
            super.registerMapping(mapping, handler, method);
            current = false;
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            super.unregisterMapping(mapping);
            current = false;
        }
    }
}
