package dev.floe.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReviewRepository extends JpaRepository<Review, Long> {

    Optional<Review> findByOpenPageId(long pageId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Review r where r.openPageId = :pageId")
    Optional<Review> findOpenForUpdate(@Param("pageId") long pageId);

    List<Review> findByPageIdOrderByIdDesc(long pageId);

    @Query("select r from Review r where r.status = dev.floe.workflow.Review.Status.IN_REVIEW"
            + " and (r.assignee = :email or r.assignee is null) order by r.submittedAt")
    List<Review> findOpenFor(@Param("email") String email, Pageable pageable);

    @Query("select r from Review r where r.status = dev.floe.workflow.Review.Status.IN_REVIEW order by r.submittedAt")
    List<Review> findOpen(Pageable pageable);

    @Query("select r from Review r where r.status = dev.floe.workflow.Review.Status.IN_REVIEW and r.submittedBy = :email"
            + " order by r.submittedAt desc")
    List<Review> findOpenSubmittedBy(@Param("email") String email, Pageable pageable);

    @Query("select r.pageId from Review r where r.openPageId in :pageIds")
    List<Long> findPagesInReview(@Param("pageIds") Collection<Long> pageIds);

    @Query("select r.pageId from Review r where r.openPageId is not null")
    List<Long> findAllPagesInReview(Pageable pageable);
}
