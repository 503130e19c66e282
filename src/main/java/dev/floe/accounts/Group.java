package dev.floe.accounts;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** A group of users and the site-wide permissions it grants; its page permissions are {@link GroupPagePermission}s. */
@Entity
@Table(name = "floe_group")
class Group {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "floe_group_permission", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "permission")
    private Set<String> permissions = new HashSet<>();

    protected Group() {
    }

    Group(String name, String description) {
        this.name = name;
        this.description = description;
    }

    void rename(String name, String description) {
        this.name = name;
        this.description = description;
    }

    void grant(Set<String> codes) {
        permissions.clear();
        permissions.addAll(codes);
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getDescription() {
        return description;
    }

    Set<String> getPermissions() {
        return permissions;
    }
}
