package dev.floe.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.floe.accounts.FloeUser;
import dev.floe.accounts.PageAction;
import dev.floe.accounts.Permissions;
import dev.floe.pages.Page;
import dev.floe.templates.Templates;

/**
 * What the page-editing screens share: rendering a screen in the admin layout (with the same common context as
 * {@link AdminViews}: user, navigation, CSRF token, messages) with a status of its own, and checking page permissions.
 */
@Component
class PageAdminSupport {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final Templates templates;
    private final AdminNav nav;
    private final Permissions permissions;

    PageAdminSupport(Templates templates, AdminNav nav, Permissions permissions) {
        this.templates = templates;
        this.nav = nav;
        this.permissions = permissions;
    }

    /** Whether the user may delete pages anywhere, and so use the bin. */
    boolean mayUseBin(FloeUser user) {
        return user != null && (user.superuser() || !permissions.pagesWhere(user, PageAction.DELETE).isEmpty());
    }

    boolean can(FloeUser user, Page page, PageAction action) {
        return permissions.can(user, action, page);
    }

    /** Refuses with 403 (through the admin's error page) unless the user may do this to the page. */
    void require(FloeUser user, Page page, PageAction action) {
        permissions.require(user, action, page);
    }

    ResponseEntity<String> render(String template, Map<String, Object> model, FloeUser user) {
        return render(HttpStatus.OK, template, model, user);
    }

    ResponseEntity<String> render(HttpStatus status, String template, Map<String, Object> model, FloeUser user) {
        Map<String, Object> context = new HashMap<>(model);
        context.put("user", user);
        context.putIfAbsent(FlashMessage.ATTRIBUTE, List.of());
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            context.put("request_path", request.getRequestURI());
            context.put("nav", nav.links(user, request.getRequestURI()));
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                context.put("csrf", token);
                context.put("csrf_token", token.getToken());
            }
        }
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .body(templates.render(template, context));
    }

    /** A refusal shown to the editor as a message with its status. */
    static class AdminRefusal extends RuntimeException {
        final HttpStatus status;

        AdminRefusal(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }
}
