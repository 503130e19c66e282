package dev.floe.redirects;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RedirectRepository extends JpaRepository<Redirect, Long> {

    Optional<Redirect> findByOldPath(String oldPath);

    void deleteByOldPath(String oldPath);

    Page<Redirect> findAllByOrderByOldPath(Pageable pageable);

    /** {@code pattern} is a lower-case LIKE pattern with {@code !} as its escape character. */
    @Query("""
            SELECT r FROM Redirect r
            WHERE LOWER(r.oldPath) LIKE :pattern ESCAPE '!' OR LOWER(r.targetUrl) LIKE :pattern ESCAPE '!'
            ORDER BY r.oldPath""")
    Page<Redirect> search(String pattern, Pageable pageable);

    List<Redirect> findAllByOrderByOldPath();
}
