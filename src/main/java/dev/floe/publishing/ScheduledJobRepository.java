package dev.floe.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ScheduledJobRepository extends JpaRepository<ScheduledJob, Long> {

    @Query("select j.id from ScheduledJob j where j.doneAt is null and j.runAt <= :now order by j.runAt, j.id")
    List<Long> findDue(@Param("now") Instant now);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select j from ScheduledJob j where j.id = :id")
    Optional<ScheduledJob> findForUpdate(@Param("id") long id);

    @Query("select j from ScheduledJob j where j.pageId = :pageId and j.doneAt is null order by j.runAt")
    List<ScheduledJob> findPending(@Param("pageId") long pageId);

    @Query("select j from ScheduledJob j where j.doneAt is null order by j.runAt, j.id")
    List<ScheduledJob> findAllPending(org.springframework.data.domain.Pageable pageable);

    @Query("select distinct j.pageId from ScheduledJob j where j.doneAt is null")
    List<Long> findPendingPageIds();
}
