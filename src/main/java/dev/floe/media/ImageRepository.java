package dev.floe.media;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ImageRepository extends JpaRepository<Image, Long> {

    /** Images whose title contains {@code title} and whose categories include {@code category}, both LIKE patterns (with ! as the escape). */
    @Query("""
            SELECT i FROM Image i WHERE LOWER(i.title) LIKE :title ESCAPE '!'
            AND CONCAT(',', COALESCE(i.categories, ''), ',') LIKE :category ESCAPE '!'""")
    Page<Image> search(@Param("title") String title, @Param("category") String category, Pageable page);

    @Query("SELECT DISTINCT i.categories FROM Image i WHERE i.categories IS NOT NULL")
    List<String> categoryLists();
}
