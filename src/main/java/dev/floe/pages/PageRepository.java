package dev.floe.pages;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PageRepository extends JpaRepository<Page, Long>, JpaSpecificationExecutor<Page> {

    Optional<Page> findByPath(String path);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Page p where p.id = :id")
    Optional<Page> findForUpdate(@Param("id") long id);

    List<Page> findByParentIdOrderByPosition(Long parentId);

    @Query("select p from Page p where p.parentId = :parentId and p.live = true order by p.position")
    List<Page> findLiveChildren(@Param("parentId") long parentId, Pageable pageable);

    @Query("select count(p) from Page p where p.parentId = :parentId and p.live = true")
    long countLiveChildren(@Param("parentId") long parentId);

    @Query("select coalesce(max(p.position), -1) from Page p where p.parentId = :parentId")
    int maxChildPosition(@Param("parentId") long parentId);

    boolean existsByParentIdAndSlug(Long parentId, String slug);

    @Query("select p from Page p where p.path like :prefix% order by p.path")
    List<Page> findSubtree(@Param("prefix") String prefix);

    @Query("select p.path, p.lastPublishedAt, p.type from Page p where p.live = true order by p.path")
    List<Object[]> findLivePaths(Pageable pageable);

    @Query("select count(p) from Page p where p.live = true")
    long countLive();

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Page p set p.position = p.position + 1 where p.parentId = :parentId and p.position >= :from")
    void shiftPositions(@Param("parentId") long parentId, @Param("from") int from);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Page p set p.path = concat(:newPrefix, substring(p.path, :oldLength + 1)), p.depth = p.depth + :depthChange"
            + " where p.path like :oldPrefix%")
    int rewritePaths(@Param("oldPrefix") String oldPrefix, @Param("oldLength") int oldLength,
                     @Param("newPrefix") String newPrefix, @Param("depthChange") int depthChange);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Page p set p.binnedAt = :at where p.path like :prefix%")
    int markBinned(@Param("prefix") String prefix, @Param("at") java.time.Instant at);

    @Query("select coalesce(max(p.depth), -1) from Page p where p.path like :prefix%")
    int maxDepthUnder(@Param("prefix") String prefix);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from Page p where p.path like :prefix% and p.depth = :depth")
    int deleteAtDepth(@Param("prefix") String prefix, @Param("depth") int depth);


    @Query("select p.parentId, count(p) from Page p where p.parentId in :parentIds group by p.parentId")
    List<Object[]> countChildren(@Param("parentIds") java.util.Collection<Long> parentIds);

    @Query("select p from Page p where p.path in :paths order by p.depth")
    List<Page> findByPathInOrderByDepth(@Param("paths") java.util.Collection<String> paths);

    @Query("select p from Page p where p.binnedAt is null and p.draftSavedBy = :email and p.hasUnpublishedChanges = true"
            + " order by p.draftSavedAt desc")
    List<Page> findDraftsBy(@Param("email") String email, Pageable pageable);

    @Query("select p from Page p where p.live = true and p.lastPublishedAt is not null order by p.lastPublishedAt desc")
    List<Page> findRecentlyPublished(Pageable pageable);

    long countByBinnedAtIsNull();

    @Query("select p.id from Page p where p.parentId = :parentId order by p.position, p.id")
    List<Long> findChildIds(@Param("parentId") long parentId, Pageable pageable);

    long countByParentId(Long parentId);
}
