package dev.floe.accounts;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordResetRepository extends JpaRepository<PasswordReset, Long> {

    Optional<PasswordReset> findByTokenHash(String tokenHash);

    @Modifying
    @Query("UPDATE PasswordReset r SET r.usedAt = ?2 WHERE r.userId = ?1 AND r.usedAt IS NULL")
    int useAllOf(long userId, Instant at);
}
