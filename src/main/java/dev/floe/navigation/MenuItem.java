package dev.floe.navigation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One link of a menu: to a page (followed wherever it moves) or to an address; items nest one level. */
@Entity
@Table(name = "menu_item")
class MenuItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "menu_id")
    private long menuId;

    @Column(name = "parent_item_id")
    private Long parentItemId;

    private int position;
    private String label;

    @Column(name = "page_id")
    private Long pageId;

    private String url;

    protected MenuItem() {
    }

    MenuItem(long menuId, Long parentItemId, int position, String label, Long pageId, String url) {
        this.menuId = menuId;
        this.parentItemId = parentItemId;
        this.position = position;
        this.label = label;
        this.pageId = pageId;
        this.url = url;
    }

    Long getId() {
        return id;
    }

    Long getParentItemId() {
        return parentItemId;
    }

    int getPosition() {
        return position;
    }

    String getLabel() {
        return label;
    }

    Long getPageId() {
        return pageId;
    }

    String getUrl() {
        return url;
    }
}
