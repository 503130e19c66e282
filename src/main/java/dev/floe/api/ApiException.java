package dev.floe.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** An API request that cannot be served as sent; becomes {@code {"error", "details"}} with its status. */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<Map<String, Object>> details;

    ApiException(HttpStatus status, String message) {
        this(status, message, List.of());
    }

    ApiException(HttpStatus status, String message, List<Map<String, Object>> details) {
        super(message);
        this.status = status;
        this.details = details;
    }

    HttpStatus status() {
        return status;
    }

    List<Map<String, Object>> details() {
        return details;
    }

    static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "The request is not valid: field '" + field + "' " + message + ".",
                List.of(Map.of("field", field, "message", "field '" + field + "': " + message)));
    }
}
