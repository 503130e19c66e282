package dev.floe.site;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors on the public site become the editable 404 and 500 pages; whatever went wrong stays in the log, never in
 * the response. Errors under /api/ keep the API's JSON shape.
 */
@Controller
@ControllerAdvice(basePackages = {"dev.floe.site", "dev.floe.sitemap"})
class SiteErrors implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(SiteErrors.class);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final ResponsePages responsePages;

    SiteErrors(ResponsePages responsePages) {
        this.responsePages = responsePages;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception e, HttpServletRequest request) {
        log.error("Rendering {} failed", request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(HTML)
                .body(responsePages.render(500, request.getRequestURI()));
    }

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code ? code : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "/" : uri.toString();
        if (path.startsWith("/api/")) {
            String message = status == 404 ? "There is no API endpoint at " + path + "."
                    : status >= 500 ? "Something went wrong on the server; nothing was changed." : "The request could not be served.";
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"error\":\"" + message.replace("\"", "'") + "\",\"details\":[]}");
        }
        int page = status == 404 ? 404 : 500;
        if (status >= 400 && status < 500 && status != 404) {
            return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body("The request could not be served (" + status + ").");
        }
        return ResponseEntity.status(status).contentType(HTML).body(responsePages.render(page, path));
    }
}
