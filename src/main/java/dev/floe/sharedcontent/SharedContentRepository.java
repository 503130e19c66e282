package dev.floe.sharedcontent;

import org.springframework.data.jpa.repository.JpaRepository;

interface SharedContentRepository extends JpaRepository<SharedContent, Long> {

    boolean existsByName(String name);

    boolean existsByNameAndIdNot(String name, long id);
}
