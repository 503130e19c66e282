package dev.floe.accounts;

/** What a group may do to a page and every page below it, as Wagtail's page permissions. */
public enum PageAction {
    /** Add child pages. */
    ADD,
    /** Edit drafts and submit them for review. */
    EDIT,
    /** Publish, unpublish, schedule, and approve drafts in review. */
    PUBLISH,
    /** Delete pages (to the bin) and restore them. */
    DELETE;

    /** The action's name as people read it: "add", "edit", "publish", "delete". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
