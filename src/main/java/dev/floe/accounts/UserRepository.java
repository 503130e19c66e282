package dev.floe.accounts;

import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByEmailIgnoreCase(String email);

    @Query("SELECT u FROM User u WHERE LOWER(u.email) LIKE ?1 OR LOWER(COALESCE(u.name, '')) LIKE ?1 ORDER BY u.email")
    Slice<User> search(String pattern, Pageable page);

    @Query("SELECT COUNT(u) FROM User u WHERE LOWER(u.email) LIKE ?1 OR LOWER(COALESCE(u.name, '')) LIKE ?1")
    long countMatching(String pattern);
}
