package dev.floe.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A group may take {@code action} on a page and on every page below it. */
@Entity
@Table(name = "group_page_permission")
class GroupPagePermission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_id")
    private long groupId;

    /** Null for the whole tree. */
    @Column(name = "page_id")
    private Long pageId;

    @Enumerated(EnumType.STRING)
    private PageAction action;

    protected GroupPagePermission() {
    }

    GroupPagePermission(long groupId, Long pageId, PageAction action) {
        this.groupId = groupId;
        this.pageId = pageId;
        this.action = action;
    }

    Long getId() {
        return id;
    }

    long getGroupId() {
        return groupId;
    }

    Long getPageId() {
        return pageId;
    }

    PageAction getAction() {
        return action;
    }
}
