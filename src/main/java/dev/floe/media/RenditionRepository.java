package dev.floe.media;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RenditionRepository extends JpaRepository<Rendition, Long> {

    Optional<Rendition> findByImageIdAndSpecAndFormat(long imageId, String spec, String format);

    List<Rendition> findByImageId(long imageId);
}
