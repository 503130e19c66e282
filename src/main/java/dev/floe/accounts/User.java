package dev.floe.accounts;

import java.time.Instant;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

/** Someone who can sign in: identified by email, as ICEkit's users were. */
@Entity
@Table(name = "floe_user")
class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;
    private String name;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean superuser;
    private boolean active;

    @Column(name = "created_at")
    private Instant createdAt;

    @ManyToMany
    @JoinTable(name = "floe_user_group", joinColumns = @JoinColumn(name = "user_id"), inverseJoinColumns = @JoinColumn(name = "group_id"))
    private Set<Group> groups = new HashSet<>();

    protected User() {
    }

    User(String email, String passwordHash, boolean superuser, Instant createdAt) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.superuser = superuser;
        this.active = true;
        this.createdAt = createdAt;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void update(String email, String name, boolean superuser, boolean active) {
        this.email = email;
        this.name = name;
        this.superuser = superuser;
        this.active = active;
    }

    void setGroups(Set<Group> groups) {
        this.groups.clear();
        this.groups.addAll(groups);
    }

    void makeSuperuser() {
        this.superuser = true;
        this.active = true;
    }

    Long getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getName() {
        return name;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    boolean isSuperuser() {
        return superuser;
    }

    boolean isActive() {
        return active;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Set<Group> getGroups() {
        return groups;
    }
}
