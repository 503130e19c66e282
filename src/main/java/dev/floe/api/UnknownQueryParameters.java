package dev.floe.api;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A read of the API with a query parameter its address does not take ({@code ?order=title}, {@code ?serach=}) is
 * refused with 400 naming the ones it takes, rather than answered as if the parameter were not there: a misspelt
 * filter would otherwise return everything and look like an answer.
 */
@Component
class UnknownQueryParameters implements WebMvcConfigurer, HandlerInterceptor {

    /** What a handler that takes any query parameter ({@code @RequestParam Map}) is recorded as. */
    private static final Set<String> ANY = Set.of("*");

    /** Per handler method, the names of its query parameters, or {@link #ANY}. */
    private final Map<Method, Set<String>> taken = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || request.getQueryString() == null || method.getBeanType() == UnknownApiPath.class) {
            return true;
        }
        Set<String> names = taken.computeIfAbsent(method.getMethod(), m -> queryParameters(method));
        if (names == ANY) {
            return true;
        }
        for (String name : Collections.list(request.getParameterNames())) {
            if (!names.contains(name)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "This address does not take the query parameter '" + name + "'; "
                        + (names.isEmpty() ? "it takes none." : "it takes " + String.join(", ", names) + "."));
            }
        }
        return true;
    }

    private static Set<String> queryParameters(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                return ANY;
            }
            String name = param.name().isEmpty() ? param.value() : param.name();
            if (name.isEmpty()) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                name = parameter.getParameterName();
            }
            names.add(name);
        }
        return Collections.unmodifiableSet(names);
    }
}
