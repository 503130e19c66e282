package dev.floe.pages;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RevisionRepository extends JpaRepository<Revision, Long> {

    List<Revision> findByPageIdOrderByIdDesc(long pageId);

    Optional<Revision> findByIdAndPageId(long id, long pageId);

    Optional<Revision> findFirstByPageIdAndDraftVersionOrderByIdDesc(long pageId, int draftVersion);
}
