package dev.floe.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RenditionRepository extends JpaRepository<Rendition, Long> {

    Optional<Rendition> findByImageIdAndSpecAndFormat(long imageId, String spec, String format);

    List<Rendition> findByImageId(long imageId);

    /** A rendition as the clean-up sees it: its file, when it was made, and the versions of its image's file. */
    record Recorded(long id, String fileKey, Instant createdAt, int sourceVersion, int imageVersion) {

        /** Made from an earlier file than the image has now. */
        boolean stale() {
            return sourceVersion != imageVersion;
        }
    }

    /** The next renditions after {@code afterId} in the order of their ids, a batch at a time. */
    @Query("""
            SELECT new dev.floe.media.RenditionRepository$Recorded(r.id, r.fileKey, r.createdAt, r.sourceVersion, i.fileVersion)
            FROM Rendition r JOIN Image i ON i.id = r.imageId
            WHERE r.id > :afterId ORDER BY r.id""")
    List<Recorded> findRecordedAfter(long afterId, Limit limit);

    /** The next IIIF outputs after {@code afterId} last served before {@code cutoff}, as the clean-up sees them. */
    @Query("""
            SELECT new dev.floe.media.RenditionRepository$Recorded(r.id, r.fileKey, r.createdAt, r.sourceVersion, i.fileVersion)
            FROM Rendition r JOIN Image i ON i.id = r.imageId
            WHERE r.id > :afterId AND r.spec LIKE 'iiif/%' AND COALESCE(r.lastUsedAt, r.createdAt) < :cutoff ORDER BY r.id""")
    List<Recorded> findIiifUnusedSince(Instant cutoff, long afterId, Limit limit);

    /** Records a use of the rendition unless one since {@code since} is recorded already; 1 when it wrote. */
    @Modifying
    @Query("UPDATE Rendition r SET r.lastUsedAt = :now WHERE r.id = :id AND COALESCE(r.lastUsedAt, r.createdAt) < :since")
    int touch(long id, Instant now, Instant since);

    /** Deletes the IIIF output if it still names {@code fileKey} and was not served since {@code cutoff}. */
    @Modifying
    @Query("DELETE FROM Rendition r WHERE r.id = :id AND r.fileKey = :fileKey AND COALESCE(r.lastUsedAt, r.createdAt) < :cutoff")
    int deleteIfUnusedSince(long id, String fileKey, Instant cutoff);

    /** Deletes the row if it still names {@code fileKey}; 1 for the one caller that deleted it, 0 for any other. */
    @Modifying
    @Query("DELETE FROM Rendition r WHERE r.id = :id AND r.fileKey = :fileKey")
    int deleteIfUnchanged(long id, String fileKey);
}
