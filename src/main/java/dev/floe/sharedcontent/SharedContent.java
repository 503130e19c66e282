package dev.floe.sharedcontent;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reusable group of blocks (ICEkit's shared content), edited in one place and shown wherever a page places it. */
@Entity
@Table(name = "shared_content")
class SharedContent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String title;

    /** The blocks as a JSON list of {@code {"type", "value"}}. */
    private String blocks;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected SharedContent() {
    }

    SharedContent(Instant now) {
        this.createdAt = now;
    }

    void update(String name, String title, String blocks, String by, Instant at) {
        this.name = name;
        this.title = title;
        this.blocks = blocks;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getTitle() {
        return title;
    }

    String getBlocks() {
        return blocks;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
