package dev.floe.redirects;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RedirectRepository extends JpaRepository<Redirect, Long> {

    Optional<Redirect> findByOldPath(String oldPath);

    void deleteByOldPath(String oldPath);

    org.springframework.data.domain.Page<Redirect> findAllByOrderByOldPath(org.springframework.data.domain.Pageable pageable);
}
