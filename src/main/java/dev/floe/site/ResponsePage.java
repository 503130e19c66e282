package dev.floe.site;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The editable content shown with a 404 or 500 status (ICEkit's response pages). */
@Entity
@Table(name = "response_page")
class ResponsePage {

    @Id
    @Column(name = "status_code")
    private int statusCode;

    private String content;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ResponsePage() {
    }

    ResponsePage(int statusCode) {
        this.statusCode = statusCode;
    }

    void set(String content, String by, Instant at) {
        this.content = content;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    int getStatusCode() {
        return statusCode;
    }

    String getContent() {
        return content;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
