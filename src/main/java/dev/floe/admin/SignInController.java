package dev.floe.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code GET /admin/login/}: the sign-in form. Posting it is handled by the security chain. */
@Controller
class SignInController {

    private final SignInPage page;

    SignInController(SignInPage page) {
        this.page = page;
    }

    @GetMapping(AdminSecurityConfiguration.LOGIN)
    @AdminAccess(anonymous = true)
    void show(@RequestParam(name = "signed-out", required = false) String signedOut, Model model, HttpServletRequest request,
              HttpServletResponse response) throws IOException {
        if (CurrentUser.get().isPresent()) {
            response.sendRedirect("/admin/");
            return;
        }
        List<FlashMessage> messages = new ArrayList<>();
        if (model.getAttribute(FlashMessage.ATTRIBUTE) instanceof List<?> flashed) {
            flashed.forEach(m -> messages.add((FlashMessage) m));
        }
        if (signedOut != null) {
            messages.add(new FlashMessage("success", "You have signed out."));
        }
        Object email = model.getAttribute("email");
        page.render(request, response, HttpServletResponse.SC_OK, email == null ? null : email.toString(), null, messages);
    }
}
