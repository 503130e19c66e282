package dev.floe.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    @Query("""
            SELECT new dev.floe.media.RenditionRepository$Recorded(r.id, r.fileKey, r.createdAt, r.sourceVersion, i.fileVersion)
            FROM Rendition r JOIN Image i ON i.id = r.imageId""")
    List<Recorded> findAllRecorded();

    /** Deletes the row if it still names {@code fileKey}; 1 for the one caller that deleted it, 0 for any other. */
    @Modifying
    @Query("DELETE FROM Rendition r WHERE r.id = :id AND r.fileKey = :fileKey")
    int deleteIfUnchanged(long id, String fileKey);
}
