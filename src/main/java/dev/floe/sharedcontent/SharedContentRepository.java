package dev.floe.sharedcontent;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SharedContentRepository extends JpaRepository<SharedContent, Long> {

    boolean existsByName(String name);

    boolean existsByNameAndIdNot(String name, long id);

    /** {@code pattern} is a lower-case LIKE pattern with {@code !} as its escape character; the order comes from the
     * pageable. */
    @Query(value = """
            SELECT s FROM SharedContent s
            WHERE LOWER(s.name) LIKE :pattern ESCAPE '!' OR LOWER(s.title) LIKE :pattern ESCAPE '!'""")
    Page<SharedContent> search(String pattern, Pageable pageable);
}
