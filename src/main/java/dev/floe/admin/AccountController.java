package dev.floe.admin;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.floe.accounts.AccountException;
import dev.floe.accounts.Accounts;

/** The signed-in user's own account: change their password, which needs the current one. */
@Controller
@RequestMapping("/admin/account")
@AdminAccess
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/")
    String show() {
        return "accounts/account";
    }

    @PostMapping("/password/")
    ModelAndView changePassword(@RequestParam(name = "current_password", defaultValue = "") String current,
                                @RequestParam(defaultValue = "") String password,
                                @RequestParam(name = "password2", defaultValue = "") String repeated, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        if (!password.equals(repeated)) {
            errors.field("password2", "The two new passwords differ; type the same password twice.");
        } else {
            try {
                accounts.changePassword(CurrentUser.get().orElseThrow().id(), current, password);
                FlashMessage.success(redirect, "Your password was changed.");
                return new ModelAndView("redirect:/admin/account/");
            } catch (AccountException e) {
                UsersController.errorsFor(e, errors);
            }
        }
        ModelAndView view = new ModelAndView("accounts/account", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("errors", errors);
        return view;
    }
}
