package dev.floe.admin;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.floe.accounts.FloeUser;
import dev.floe.blocks.ContentValidationException;
import dev.floe.config.ConcurrentChanges;
import dev.floe.config.RequestArguments;
import dev.floe.pages.BinEntryNotFoundException;
import dev.floe.pages.PageNotFoundException;
import dev.floe.pages.RevisionNotFoundException;
import dev.floe.pages.StaleDraftException;
import dev.floe.pages.TreeConflictException;
import dev.floe.publishing.PublishingException;
import dev.floe.workflow.WorkflowException;

/** What the page screens show when an action cannot be done: the reason, with the status that fits, and a way back. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = {DashboardController.class, PageExplorerController.class, PageEditorController.class})
class PageAdminErrors {

    private final PageAdminSupport admin;

    PageAdminErrors(PageAdminSupport admin) {
        this.admin = admin;
    }

    @ExceptionHandler(PageAdminSupport.AdminRefusal.class)
    ResponseEntity<String> refused(PageAdminSupport.AdminRefusal e, HttpServletRequest request, @AuthenticationPrincipal FloeUser user) {
        return show(e.status, e.getMessage(), request, user);
    }

    @ExceptionHandler({PageNotFoundException.class, RevisionNotFoundException.class, BinEntryNotFoundException.class})
    ResponseEntity<String> notFound(RuntimeException e, HttpServletRequest request, @AuthenticationPrincipal FloeUser user) {
        return show(HttpStatus.NOT_FOUND, e.getMessage(), request, user);
    }

    @ExceptionHandler({TreeConflictException.class, PublishingException.class, WorkflowException.class, StaleDraftException.class})
    ResponseEntity<String> conflict(RuntimeException e, HttpServletRequest request, @AuthenticationPrincipal FloeUser user) {
        return show(HttpStatus.CONFLICT, e.getMessage(), request, user);
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<String> concurrentChange(ConcurrencyFailureException e, HttpServletRequest request, @AuthenticationPrincipal FloeUser user) {
        return show(HttpStatus.CONFLICT, ConcurrentChanges.REFUSED, request, user);
    }

    @ExceptionHandler(ContentValidationException.class)
    ResponseEntity<String> invalid(ContentValidationException e, HttpServletRequest request, @AuthenticationPrincipal FloeUser user) {
        return show(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), request, user);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<String> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request,
                                            @AuthenticationPrincipal FloeUser user) {
        return show(HttpStatus.BAD_REQUEST, "The request was not understood: '" + e.getParameterName() + "' is missing.", request, user);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<String> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, @AuthenticationPrincipal FloeUser user) {
        return show(RequestArguments.status(e), RequestArguments.problem(e), request, user);
    }

    /** Where "back" leads: the admin page the request came from on this site, or the explorer. */
    private static String sameSiteAdminPath(String referer, HttpServletRequest request) {
        try {
            java.net.URI uri = referer == null ? null : java.net.URI.create(referer);
            if (uri != null && request.getServerName().equalsIgnoreCase(uri.getHost()) && uri.getPath() != null
                    && uri.getPath().startsWith("/admin/")) {
                return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        } catch (IllegalArgumentException ignored) {
            // a malformed Referer leads back to the explorer
        }
        return "/admin/pages/";
    }

    private ResponseEntity<String> show(HttpStatus status, String message, HttpServletRequest request, FloeUser user) {
        String template = request.getHeader("HX-Request") != null ? "admin/pages/_problem" : "admin/pages/problem";
        return admin.render(status, template, Map.of("status", status.value(), "message", message,
                "back", sameSiteAdminPath(request.getHeader("Referer"), request)), user);
    }
}
