package dev.floe.accounts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One failed sign-in, counted against an account ({@code account:EMAIL}) or a client address ({@code address:IP}). */
@Entity
@Table(name = "login_failure")
class LoginFailure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String subject;

    @Column(name = "failed_at")
    private Instant failedAt;

    protected LoginFailure() {
    }

    LoginFailure(String subject, Instant failedAt) {
        this.subject = subject;
        this.failedAt = failedAt;
    }
}
