package dev.floe.admin;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.floe.accounts.FloeUser;

/** The signed-in user of this request, if any; controllers can also take {@code @AuthenticationPrincipal FloeUser}. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<FloeUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof FloeUser user ? Optional.of(user) : Optional.empty();
    }
}
