package dev.floe.workflow;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.floe.config.FloeSettings;
import dev.floe.config.Mailer;

/**
 * Tells the people a review concerns what happened, by email, once the step is committed: the assignee when a page
 * is submitted or assigned to them, the author (and the assignee) when it is approved or sent back. Nobody is told of
 * their own step.
 */
@Component
class ReviewNotifications {

    private final Mailer mailer;
    private final String baseUrl;

    ReviewNotifications(Mailer mailer, FloeSettings settings) {
        this.mailer = mailer;
        this.baseUrl = settings.baseUrl();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onStep(ReviewStepTaken step) {
        Set<String> recipients = new LinkedHashSet<>();
        String subject;
        StringBuilder body = new StringBuilder();
        String page = "\"" + step.pageTitle() + "\" (" + step.pagePath() + ")";
        switch (step.action()) {
            case SUBMITTED, ASSIGNED -> {
                addIfSet(recipients, step.assignee());
                subject = "Please review " + quoted(step.pageTitle());
                body.append(step.actor()).append(step.action() == ReviewStep.Action.SUBMITTED
                        ? " submitted " : " asked you to review ").append(page).append(" for review.\n");
            }
            case APPROVED, SCHEDULED -> {
                recipients.add(step.author());
                addIfSet(recipients, step.assignee());
                subject = quoted(step.pageTitle()) + (step.action() == ReviewStep.Action.APPROVED ? " was approved and published"
                        : " was approved and scheduled");
                body.append(step.actor()).append(" approved ").append(page)
                        .append(step.action() == ReviewStep.Action.APPROVED ? "; it is now live.\n" : "; it will go live at its scheduled time.\n");
            }
            case CHANGES_REQUESTED -> {
                recipients.add(step.author());
                addIfSet(recipients, step.assignee());
                subject = "Changes requested to " + quoted(step.pageTitle());
                body.append(step.actor()).append(" asked for changes to ").append(page).append(".\n");
            }
            case WITHDRAWN, CANCELLED -> {
                addIfSet(recipients, step.assignee());
                subject = quoted(step.pageTitle()) + " is no longer in review";
                body.append(page).append(" was taken out of review by ").append(step.actor()).append(".\n");
            }
            default -> throw new IllegalStateException("no notification for " + step.action());
        }
        if (step.comment() != null) {
            body.append("\nComment from ").append(step.actor()).append(":\n").append(step.comment()).append('\n');
        }
        body.append("\nOpen the page: ").append(baseUrl).append("/admin/pages/").append(step.pageId()).append("/edit/\n");
        recipients.removeIf(email -> email.equalsIgnoreCase(step.actor()));
        for (String to : recipients) {
            mailer.send(new Mailer.Message(to, subject, body.toString()));
        }
    }

    private static void addIfSet(Set<String> recipients, String email) {
        if (email != null) {
            recipients.add(email);
        }
    }

    private static String quoted(String title) {
        return "\"" + title + "\"";
    }
}
