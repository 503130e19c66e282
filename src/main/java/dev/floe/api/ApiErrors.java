package dev.floe.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import dev.floe.accounts.AccountException;
import dev.floe.media.MediaInUseException;
import dev.floe.media.MediaNotFoundException;
import dev.floe.media.MediaRejectedException;
import dev.floe.accounts.PermissionDeniedException;
import dev.floe.blocks.ContentValidationException;
import dev.floe.config.ConcurrentChanges;
import dev.floe.config.RequestArguments;
import dev.floe.navigation.MenuException;
import dev.floe.navigation.MenuNotFoundException;
import dev.floe.redirects.RedirectException;
import dev.floe.redirects.RedirectNotFoundException;
import dev.floe.pages.BinEntryNotFoundException;
import dev.floe.pages.PageNotFoundException;
import dev.floe.pages.RevisionNotFoundException;
import dev.floe.pages.StaleDraftException;
import dev.floe.pages.TreeConflictException;
import dev.floe.publishing.PublishingException;
import dev.floe.sharedcontent.SharedContentInUseException;
import dev.floe.sharedcontent.SharedContentNotFoundException;
import tools.jackson.core.exc.StreamReadException;

/** Turns every failure of an API call into {@code {"error": sentence, "details": [...]}} with the status REST users expect. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        return error(e.status(), e.getMessage(), e.details());
    }

    @ExceptionHandler(ContentValidationException.class)
    ResponseEntity<Map<String, Object>> invalid(ContentValidationException e) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), e.problems().stream().map(p -> p.asMap()).toList());
    }

    @ExceptionHandler({PageNotFoundException.class, RevisionNotFoundException.class, BinEntryNotFoundException.class})
    ResponseEntity<Map<String, Object>> notFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(StaleDraftException.class)
    ResponseEntity<Map<String, Object>> stale(StaleDraftException e) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("current_version", e.currentVersion());
        detail.put("saved_by", e.savedBy());
        detail.put("saved_at", e.savedAt() == null ? null : e.savedAt().toString());
        return error(HttpStatus.CONFLICT, e.getMessage(), List.of(detail));
    }

    @ExceptionHandler({TreeConflictException.class, PublishingException.class})
    ResponseEntity<Map<String, Object>> conflict(RuntimeException e) {
        return error(HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Map<String, Object>> concurrentChange(ConcurrencyFailureException e) {
        log.warn("An API change was refused by the database as it raced another: {}", e.getMostSpecificCause().getMessage());
        return error(HttpStatus.CONFLICT, ConcurrentChanges.REFUSED, List.of());
    }

    @ExceptionHandler({MenuNotFoundException.class, RedirectNotFoundException.class})
    ResponseEntity<Map<String, Object>> siteThingNotFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(SharedContentNotFoundException.class)
    ResponseEntity<Map<String, Object>> sharedContentNotFound(SharedContentNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(SharedContentInUseException.class)
    ResponseEntity<Map<String, Object>> sharedContentInUse(SharedContentInUseException e) {
        return error(HttpStatus.CONFLICT, e.getMessage(), e.pages().stream()
                .map(p -> Map.<String, Object>of("page", p.id(), "path", p.path())).toList());
    }

    @ExceptionHandler(MediaRejectedException.class)
    ResponseEntity<Map<String, Object>> mediaRejected(MediaRejectedException e) {
        return error(HttpStatus.valueOf(e.status()), e.getMessage(), e.field() == null ? List.of()
                : List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }

    @ExceptionHandler(MediaNotFoundException.class)
    ResponseEntity<Map<String, Object>> mediaNotFound(MediaNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(MediaInUseException.class)
    ResponseEntity<Map<String, Object>> mediaInUse(MediaInUseException e) {
        return error(HttpStatus.CONFLICT, e.getMessage(), e.pages().stream()
                .map(p -> Map.<String, Object>of("page", p.id(), "path", p.path())).toList());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Map<String, Object>> missingPart(MissingServletRequestPartException e) {
        return error(HttpStatus.BAD_REQUEST, "Send the file as multipart/form-data in a part named '" + e.getRequestPartName() + "'.",
                List.of(Map.of("field", e.getRequestPartName(), "message", "this part is required")));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> multipart(MultipartException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return error(HttpStatus.CONTENT_TOO_LARGE, "The file is larger than the upload limit; upload a smaller one.", List.of());
        }
        return error(HttpStatus.BAD_REQUEST, "The request is not a readable multipart/form-data body.", List.of());
    }

    @ExceptionHandler(MenuException.class)
    ResponseEntity<Map<String, Object>> menu(MenuException e) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), e.problems().stream().map(p -> Map.<String, Object>of("message", p)).toList());
    }

    @ExceptionHandler(RedirectException.class)
    ResponseEntity<Map<String, Object>> redirect(RedirectException e) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), e.problems().stream().map(p -> Map.<String, Object>of("message", p)).toList());
    }

    @ExceptionHandler(PermissionDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(PermissionDeniedException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    @ExceptionHandler(AccountException.class)
    ResponseEntity<Map<String, Object>> account(AccountException e) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return error(RequestArguments.status(e), RequestArguments.problem(e), List.of());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "The parameter '" + e.getParameterName() + "' is required.", List.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        // A streamed body that passes the limit fails inside the JSON parser, which wraps the cause.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        if (e.getMostSpecificCause() instanceof StreamReadException malformed) {
            return error(HttpStatus.BAD_REQUEST, "The request body is not valid JSON: " + parserProblem(malformed) + ".", List.of());
        }
        return error(HttpStatus.BAD_REQUEST, "The request body must be a JSON object, such as {\"title\": \"About us\"}.", List.of());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Map<String, Object>> tooLarge(BodyTooLargeException e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        boolean multipart = e.getSupportedMediaTypes().stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes);
        if (multipart) {
            return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the file as multipart/form-data with the file in a part named 'file'.", List.of());
        }
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON with 'Content-Type: application/json'.", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        Set<HttpMethod> allowed = e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
        String accepted = allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
        ResponseEntity<Map<String, Object>> answer = error(HttpStatus.METHOD_NOT_ALLOWED, "This address does not accept "
                + e.getMethod() + (accepted.isEmpty() ? "" : "; it accepts " + accepted) + ".", List.of());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .allow(allowed.toArray(HttpMethod[]::new)).body(answer.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        log.error("API request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the server; nothing was changed. "
                + "The error has been logged.", List.of());
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, List<Map<String, Object>> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("details", details);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The parser's sentence without the location it appends to some, which is redacted and means nothing to people. */
    private static String parserProblem(StreamReadException e) {
        String message = firstLine(e.getOriginalMessage());
        int location = message.indexOf(" (start marker at");
        return location < 0 ? message : message.substring(0, location);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "empty body";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
