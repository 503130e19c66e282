package dev.floe.navigation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named menu ("main", "footer", ...) whose items link to pages or addresses. */
@Entity
@Table(name = "menu")
class Menu {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String label;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Menu() {
    }

    Menu(String name) {
        this.name = name;
    }

    void update(String label, String by, Instant at) {
        this.label = label;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getLabel() {
        return label;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
