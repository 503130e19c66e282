package dev.floe.admin;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import dev.floe.accounts.FloeUser;
import dev.floe.accounts.PageAction;
import dev.floe.accounts.PermissionDeniedException;
import dev.floe.accounts.Permissions;
import dev.floe.accounts.SitePermission;
import dev.floe.config.SlashedRoutes;

/** Enforces {@link AdminAccess} on every admin handler before it runs; a handler that declares nothing is closed. */
final class AdminAccessInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AdminAccessInterceptor.class);

    private final Permissions permissions;
    private final AdminViews views;
    private final SlashedRoutes slashedRoutes;

    AdminAccessInterceptor(Permissions permissions, AdminViews views, SlashedRoutes slashedRoutes) {
        this.permissions = permissions;
        this.views = views;
        this.slashedRoutes = slashedRoutes;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null || !pattern.toString().startsWith("/admin")) {
            // Only a catch-all (the public site's) matched: there is no such admin screen. The admin's own 404, with
            // its navigation, not the public site's.
            java.util.Optional<String> withSlash = slashedRoutes.withSlash(request);
            if (withSlash.isPresent()) {
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader("Location", withSlash.get());
                return false;
            }
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            views.render("admin/error", Map.of("status", HttpServletResponse.SC_NOT_FOUND,
                    "message", "There is no admin screen at " + request.getRequestURI() + "."), request, response);
            return false;
        }
        AdminAccess access = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), AdminAccess.class);
        if (access == null) {
            access = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), AdminAccess.class);
        }
        if (access == null) {
            log.error("{} serves {} but declares no @AdminAccess, so it is closed to everyone", method, request.getRequestURI());
            throw new PermissionDeniedException("This admin screen is closed: it does not say who may use it.");
        }
        if (access.anonymous()) {
            return true;
        }
        FloeUser user = CurrentUser.get().orElseThrow(() -> new PermissionDeniedException("Sign in first."));
        for (SitePermission needed : access.value()) {
            permissions.require(user, needed);
        }
        for (PageAction action : access.pages()) {
            if (permissions.pagesWhere(user, action).isEmpty()) {
                throw new PermissionDeniedException("You may not " + action.label() + " any page; ask an administrator for the permission.");
            }
        }
        return true;
    }
}
