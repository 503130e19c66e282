package dev.floe.admin;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import dev.floe.accounts.FloeUser;
import dev.floe.pages.Page;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.loader.ClasspathLoader;

/** What the page-editing screens share: rendering a screen and checking a page permission. */
@Component
class PageAdminSupport {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    /** What a person may do to a page (and its subtree). */
    enum Action { ADD, EDIT, PUBLISH, DELETE }

    private final PebbleEngine engine;

    PageAdminSupport(List<Extension> extensions) {
        ClasspathLoader loader = new ClasspathLoader(PageAdminSupport.class.getClassLoader());
        loader.setPrefix("templates");
        this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false)
                .newLineTrimming(true).extension(extensions.toArray(Extension[]::new)).build();
    }

    boolean can(FloeUser user, Page page, Action action) {
        return user != null && user.superuser();
    }

    /** Refuses with 403 unless the user may do this to the page. */
    void require(FloeUser user, Page page, Action action) {
        if (!can(user, page, action)) {
            throw new AdminRefusal(HttpStatus.FORBIDDEN, "You do not have permission to "
                    + action.name().toLowerCase(java.util.Locale.ROOT) + " " + page.getPath() + ".");
        }
    }

    ResponseEntity<String> render(String template, Map<String, Object> model, FloeUser user) {
        return render(HttpStatus.OK, template, model, user);
    }

    ResponseEntity<String> render(HttpStatus status, String template, Map<String, Object> model, FloeUser user) {
        Map<String, Object> context = new HashMap<>(model);
        context.put("user", user);
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
                && servlet.getRequest().getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName())
                        instanceof org.springframework.security.web.csrf.CsrfToken token) {
            context.put("csrf_token", token.getToken());
        }
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .body(render(template + ".html", context));
    }

    private String render(String name, Map<String, Object> context) {
        StringWriter out = new StringWriter(8192);
        try {
            engine.getTemplate(name).evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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
