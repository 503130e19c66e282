package dev.floe.accounts;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in API callers by {@code Authorization: Bearer <token>}; a token that is given but wrong is refused outright. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final Accounts accounts;

    BearerTokenFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "The Authorization header must be 'Bearer <token>'; make a token with floe createtoken.");
            return;
        }
        var user = accounts.authenticateToken(header.substring(7).strip());
        if (user.isEmpty()) {
            JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "The API token is not valid: it is unknown, revoked, or its user is deactivated.");
            return;
        }
        var authorities = user.get().superuser() ? List.of(new SimpleGrantedAuthority("ROLE_SUPERUSER")) : List.<SimpleGrantedAuthority>of();
        var authentication = new UsernamePasswordAuthenticationToken(user.get(), null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
