package dev.floe.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.view.RedirectView;

import dev.floe.accounts.FloeUser;
import dev.floe.templates.HtmlBuffer;
import dev.floe.templates.Templates;

/**
 * Renders the admin's Pebble templates: a controller returns a view name such as {@code admin/users/list} (the
 * template {@code templates/admin/users/list.peb}) or {@code redirect:/admin/users/} (a 303, so a form post is
 * followed by a GET). Every template gets, besides the model: {@code user} (the {@link FloeUser}), {@code nav} (the
 * links this user may use), {@code csrf} (the token: {@code csrf.parameterName}, {@code csrf.headerName},
 * {@code csrf.token}), {@code messages} (flash messages) and {@code request_path}.
 */
@Component
class AdminViews implements ViewResolver, Ordered {

    private static final String HTML = "text/html;charset=UTF-8";

    private final Templates templates;
    private final AdminNav nav;

    AdminViews(Templates templates, AdminNav nav) {
        this.templates = templates;
        this.nav = nav;
    }

    @Override
    public View resolveViewName(String name, Locale locale) {
        if (name.startsWith("redirect:/admin/")) {
            RedirectView redirect = new RedirectView(name.substring("redirect:".length()), true);
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            redirect.setExposeModelAttributes(false);
            return redirect;
        }
        if ((name.startsWith("admin/") || name.startsWith("accounts/")) && templates.exists(name)) {
            return new View() {
                @Override
                public String getContentType() {
                    return HTML;
                }

                @Override
                public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws IOException {
                    AdminViews.this.render(name, model, request, response);
                }
            };
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Renders a template with the admin's common context; for filters and handlers outside Spring MVC too. */
    void render(String name, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> context = new HashMap<>(model == null ? Map.of() : model);
        FloeUser user = CurrentUser.get().orElse(null);
        String path = request.getRequestURI();
        context.put("user", user);
        context.put("nav", nav.links(user, path));
        context.put("request_path", path);
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            context.put("csrf", csrf);
        }
        context.putIfAbsent(FlashMessage.ATTRIBUTE, java.util.List.of());
        HtmlBuffer html = new HtmlBuffer(16 * 1024);
        templates.render(name, context, html);
        byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType(HTML);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
