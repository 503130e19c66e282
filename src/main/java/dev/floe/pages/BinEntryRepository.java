package dev.floe.pages;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BinEntryRepository extends JpaRepository<BinEntry, Long> {

    @Query("select b from BinEntry b order by b.deletedAt desc, b.id desc")
    List<BinEntry> findNewestFirst(Pageable pageable);

    Optional<BinEntry> findByPageId(long pageId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from BinEntry b where b.id = :id")
    Optional<BinEntry> findForUpdate(@Param("id") long id);

    @Query("select b.id from BinEntry b where b.deletedAt <= :before order by b.deletedAt, b.id")
    List<Long> findDeletedBefore(@Param("before") Instant before);
}
