package dev.floe.accounts;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginFailureRepository extends JpaRepository<LoginFailure, Long> {

    @Query("SELECT f.failedAt FROM LoginFailure f WHERE f.subject = ?1 AND f.failedAt > ?2 ORDER BY f.failedAt DESC")
    List<Instant> failuresSince(String subject, Instant since);

    @Modifying
    @Query("DELETE FROM LoginFailure f WHERE f.subject = ?1 OR f.failedAt < ?2")
    int forget(String subject, Instant before);

    @Modifying
    @Query("DELETE FROM LoginFailure f WHERE f.failedAt < ?1")
    int forgetBefore(Instant before);
}
