package dev.floe.media;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DocumentRepository extends JpaRepository<Document, Long> {

    /** Documents whose title matches {@code title}, a LIKE pattern with ! as the escape. */
    @Query("SELECT d FROM Document d WHERE LOWER(d.title) LIKE :title ESCAPE '!'")
    Page<Document> search(@Param("title") String title, Pageable page);
}
