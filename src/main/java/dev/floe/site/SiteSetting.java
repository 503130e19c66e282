package dev.floe.site;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One editable setting of the site, such as the text of robots.txt. */
@Entity
@Table(name = "site_setting")
class SiteSetting {

    @Id
    @Column(name = "setting_key")
    private String key;

    @Column(name = "setting_value")
    private String value;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected SiteSetting() {
    }

    SiteSetting(String key) {
        this.key = key;
    }

    void set(String value, String by, Instant at) {
        this.value = value;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    String getValue() {
        return value;
    }
}
