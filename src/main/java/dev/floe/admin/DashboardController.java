package dev.floe.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.floe.accounts.FloeUser;
import dev.floe.accounts.Permissions;
import dev.floe.accounts.PageAction;
import dev.floe.pages.Page;
import dev.floe.pages.PageTree;
import dev.floe.publishing.Publisher;
import dev.floe.workflow.Review;
import dev.floe.workflow.Workflow;

/** The admin's home: my drafts, pages awaiting my review, my pages in review, recently published, and what is scheduled. */
@Controller
@AdminAccess
class DashboardController {

    private static final int EACH = 10;

    private final PageTree tree;
    private final Publisher publisher;
    private final Workflow workflow;
    private final PageRows rows;
    private final PageAdminSupport admin;
    private final Permissions permissions;

    DashboardController(PageTree tree, Publisher publisher, Workflow workflow, PageRows rows, PageAdminSupport admin,
                        Permissions permissions) {
        this.permissions = permissions;
        this.tree = tree;
        this.publisher = publisher;
        this.workflow = workflow;
        this.rows = rows;
        this.admin = admin;
    }

    @GetMapping("/admin/")
    ResponseEntity<String> dashboard(@AuthenticationPrincipal FloeUser user) {
        Map<String, Object> model = new HashMap<>();
        if (!permissions.canUsePages(user)) {
            // Someone who may not touch pages (a media or menus manager, say) sees where they may go instead.
            model.put("pages_allowed", false);
            return admin.render("admin/dashboard", model, user);
        }
        model.put("pages_allowed", true);
        model.put("my_drafts", rows.rows(tree.recentDraftsBy(user.email(), EACH)));
        model.put("awaiting_review", reviews(workflow.awaitingReviewBy(user.email(), EACH), user));
        model.put("my_reviews", reviews(workflow.submittedBy(user.email(), EACH), user));
        model.put("recently_published", rows.rows(tree.recentlyPublished(EACH)));
        List<Map<String, Object>> scheduled = new ArrayList<>();
        List<Publisher.Upcoming> upcoming = publisher.upcoming(EACH);
        Map<Long, Page> pages = tree.findAll(upcoming.stream().map(Publisher.Upcoming::pageId).toList());
        for (Publisher.Upcoming job : upcoming) {
            Page page = pages.get(job.pageId());
            if (page != null) {
                Map<String, Object> row = new HashMap<>(rows.row(page));
                row.put("action", job.publish() ? "goes live" : "expires");
                row.put("run_at", PageRows.time(job.runAt()));
                scheduled.add(row);
            }
        }
        model.put("scheduled", scheduled);
        model.put("page_count", tree.count());
        return admin.render("admin/dashboard", model, user);
    }

    @GetMapping("/admin")
    String withSlash() {
        return "redirect:/admin/";
    }

    private List<Map<String, Object>> reviews(List<Review> reviews, FloeUser user) {
        Map<Long, Page> pages = tree.findAll(reviews.stream().map(Review::getPageId).toList());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Review review : reviews) {
            Page page = pages.get(review.getPageId());
            if (page == null || (review.getAssignee() == null && !admin.can(user, page, PageAction.PUBLISH)
                    && !review.getSubmittedBy().equalsIgnoreCase(user.email()))) {
                continue;
            }
            Map<String, Object> row = new HashMap<>(rows.row(page));
            row.put("submitted_by", review.getSubmittedBy());
            row.put("submitted_at", PageRows.time(review.getSubmittedAt()));
            row.put("assignee", review.getAssignee());
            out.add(row);
        }
        return out;
    }
}
