package dev.floe.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import dev.floe.accounts.AccountException;
import dev.floe.accounts.PermissionDeniedException;
import dev.floe.config.ConcurrentChanges;
import dev.floe.config.RequestArguments;
import dev.floe.pages.PageNotFoundException;

/** Errors in admin screens become the admin's error page with a sentence saying what to do; details stay in the log. */
@ControllerAdvice(basePackages = "dev.floe.admin")
class AdminErrors {

    private static final Logger log = LoggerFactory.getLogger(AdminErrors.class);

    @ExceptionHandler(PermissionDeniedException.class)
    ModelAndView denied(PermissionDeniedException e) {
        return page(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(PageNotFoundException.class)
    ModelAndView pageNotFound(PageNotFoundException e) {
        return page(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(dev.floe.media.MediaNotFoundException.class)
    ModelAndView mediaNotFound(RuntimeException e) {
        return page(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(dev.floe.accounts.AccountNotFoundException.class)
    ModelAndView accountNotFound(AccountException e) {
        return page(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccountException.class)
    ModelAndView account(AccountException e) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(org.springframework.web.servlet.resource.NoResourceFoundException.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND, "There is nothing at this address in the admin.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e) {
        return page(RequestArguments.status(e), RequestArguments.problem(e));
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ModelAndView missingParameter(org.springframework.web.bind.MissingServletRequestParameterException e) {
        return page(HttpStatus.BAD_REQUEST, "The request was not what this screen expects: the parameter '"
                + e.getParameterName() + "' is required.");
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ModelAndView concurrentChange(ConcurrencyFailureException e) {
        log.warn("An admin change was refused by the database as it raced another: {}", e.getMostSpecificCause().getMessage());
        return page(HttpStatus.CONFLICT, ConcurrentChanges.REFUSED);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse response) {
            HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
            return page(status == null ? HttpStatus.BAD_REQUEST : status, "The request could not be served ("
                    + response.getStatusCode().value() + ").");
        }
        log.error("An admin request failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the server, and nothing was changed. Try again; if it keeps happening, tell your administrator.");
    }

    static ModelAndView page(HttpStatus status, String message) {
        ModelAndView view = new ModelAndView("admin/error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("message", message);
        return view;
    }
}
