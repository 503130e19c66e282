package dev.floe.admin;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.floe.accounts.AccountException;
import dev.floe.accounts.LoginThrottle;
import dev.floe.accounts.PasswordResets;

/** Forgotten passwords: ask for a link by mail, then choose a new password through it. No sign-in needed. */
@Controller
@RequestMapping(PasswordResets.PATH)
@AdminAccess(anonymous = true)
class PasswordResetController {

    private final PasswordResets resets;
    private final LoginThrottle throttle;

    PasswordResetController(PasswordResets resets, LoginThrottle throttle) {
        this.resets = resets;
        this.throttle = throttle;
    }

    @GetMapping
    String ask() {
        return "accounts/password_reset";
    }

    @PostMapping
    ModelAndView send(@RequestParam(defaultValue = "") String email, HttpServletRequest request, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        if (email.isBlank()) {
            ModelAndView view = new ModelAndView("accounts/password_reset", HttpStatus.UNPROCESSABLE_CONTENT);
            view.addObject("errors", errors.field("email", "Give the email address of your account."));
            return view;
        }
        String address = ClientAddress.of(request);
        Optional<Duration> locked = throttle.resetRequestsLockedFor(email, address);
        if (locked.isPresent()) {
            long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
            response.setHeader("Retry-After", Long.toString(Math.max(1, locked.get().toSeconds())));
            ModelAndView view = new ModelAndView("accounts/password_reset", HttpStatus.TOO_MANY_REQUESTS);
            view.addObject("errors", errors.general("Too many reset links were asked for this address or from this network. Check your"
                    + " mailbox (and its spam folder) for the links already sent, or try again in " + minutes + (minutes == 1 ? " minute." : " minutes.")));
            view.addObject("email", email);
            return view;
        }
        throttle.resetRequested(email, address);
        try {
            resets.request(email);
        } catch (AccountException e) {
            ModelAndView view = new ModelAndView("accounts/password_reset", HttpStatus.SERVICE_UNAVAILABLE);
            view.addObject("errors", errors.general(e.getMessage()));
            view.addObject("email", email);
            return view;
        }
        ModelAndView view = new ModelAndView("accounts/password_reset_sent");
        view.addObject("email", email.strip());
        return view;
    }

    @GetMapping("{token}/")
    ModelAndView choose(@PathVariable String token) {
        if (!resets.isValid(token)) {
            return expired();
        }
        ModelAndView view = new ModelAndView("accounts/password_reset_choose");
        view.addObject("token", token);
        return view;
    }

    @PostMapping("{token}/")
    ModelAndView reset(@PathVariable String token, @RequestParam(defaultValue = "") String password,
                       @RequestParam(name = "password2", defaultValue = "") String repeated, RedirectAttributes redirect) {
        if (!resets.isValid(token)) {
            return expired();
        }
        FormErrors errors = new FormErrors();
        if (!password.equals(repeated)) {
            errors.field("password2", "The two passwords differ; type the same password twice.");
        } else {
            try {
                String email = resets.reset(token, password);
                FlashMessage.success(redirect, "Your password was changed. Sign in with it now.");
                redirect.addFlashAttribute("email", email);
                return new ModelAndView("redirect:/admin/login/");
            } catch (AccountException e) {
                UsersController.errorsFor(e, errors);
            }
        }
        ModelAndView view = new ModelAndView("accounts/password_reset_choose", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("token", token);
        view.addObject("errors", errors);
        return view;
    }

    private static ModelAndView expired() {
        ModelAndView view = new ModelAndView("accounts/password_reset_expired", HttpStatus.GONE);
        return view;
    }
}
