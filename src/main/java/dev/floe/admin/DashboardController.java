package dev.floe.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.floe.accounts.FloeUser;

/** {@code /admin/}: where an editor lands after signing in. */
@Controller
@AdminAccess
class DashboardController {

    @GetMapping("/admin/")
    String dashboard(Model model) {
        FloeUser user = CurrentUser.get().orElseThrow();
        model.addAttribute("greeting", user.email());
        return "admin/dashboard";
    }

    @GetMapping("/admin")
    String withSlash() {
        return "redirect:/admin/";
    }
}
