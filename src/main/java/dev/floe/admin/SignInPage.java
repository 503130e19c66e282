package dev.floe.admin;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/** The sign-in form, as shown by its controller and by the security chain after a failed or throttled attempt. */
@Component
class SignInPage {

    static final String TEMPLATE = "accounts/login";

    private final AdminViews views;

    SignInPage(AdminViews views) {
        this.views = views;
    }

    void render(HttpServletRequest request, HttpServletResponse response, int status, String email, String error,
                List<FlashMessage> messages) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email == null ? "" : email);
        if (error != null) {
            model.put("error", error);
        }
        model.put(FlashMessage.ATTRIBUTE, messages);
        response.setStatus(status);
        views.render(TEMPLATE, model, request, response);
    }

    /** A plain error page in the admin's layout, for refusals that happen before any controller runs. */
    void renderError(HttpServletRequest request, HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        views.render("admin/error", Map.of("status", status, "message", message), request, response);
    }

    static String lockedMessage(Duration left) {
        long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
        return "Too many failed sign-ins for this account or from this address. Try again in " + minutes
                + (minutes == 1 ? " minute" : " minutes") + ", or reset your password.";
    }
}
