package dev.floe.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers API requests that reach no endpoint, because the address does not take their method or content type, in
 * the API's error shape. {@link ApiErrors} cannot: controller advice for one package never sees a request that has
 * no handler yet.
 */
@Component
class UnroutedApiRequests implements HandlerExceptionResolver, Ordered {

    private final ApiErrors errors;
    private final JsonMapper json;

    UnroutedApiRequests(ApiErrors errors, JsonMapper json) {
        this.errors = errors;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (handler != null || !request.getRequestURI().startsWith("/api/")) {
            return null;
        }
        ResponseEntity<Map<String, Object>> answer = switch (e) {
            case HttpMediaTypeNotSupportedException unsupported -> errors.mediaType(unsupported);
            case HttpRequestMethodNotSupportedException notAllowed -> errors.method(notAllowed);
            case org.springframework.web.multipart.MultipartException multipart -> errors.multipart(multipart);
            default -> null;
        };
        if (answer == null) {
            return null;
        }
        try {
            response.setStatus(answer.getStatusCode().value());
            answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            json.writeValue(response.getOutputStream(), answer.getBody());
        } catch (IOException ioe) {
            throw new UncheckedIOException(ioe);
        }
        return new ModelAndView();
    }
}
