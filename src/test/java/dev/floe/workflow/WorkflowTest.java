package dev.floe.workflow;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import dev.floe.pages.Author;
import dev.floe.pages.StaleDraftException;
import dev.floe.publishing.Publisher;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/** Review of drafts, with the notifications going through a real SMTP server (GreenMail) on this machine. */
class WorkflowTest extends FloeIntegrationTest {

    private static final GreenMail SMTP = startSmtp();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("EMAIL_HOST", () -> "127.0.0.1");
        registry.add("EMAIL_PORT", () -> String.valueOf(SMTP.getSmtp().getPort()));
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    Workflow workflow;
    @Autowired
    Publisher publisher;

    Pages pages;
    Author author;
    Author reviewer;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
        author = new Author(unique("author") + "@floe.test", Set.of());
        reviewer = new Author(unique("reviewer") + "@floe.test", Set.of());
    }

    @Test
    void anAssignedReviewerApprovesAndThePageGoesLiveWithEachStepRecordedAndBothPeopleMailed() throws Exception {
        String slug = unique("reviewed");
        long page = pages.createUnderHome(slug, "Reviewed page", textBlock("<p>Draft</p>")).get("id").asLong();

        workflow.submit(page, 1, reviewer.email(), null, "Ready for a look", author);

        MimeMessage toReviewer = mailTo(reviewer.email());
        assertThat(toReviewer.getSubject()).isEqualTo("Please review \"Reviewed page\"");
        assertThat(GreenMailUtil.getBody(toReviewer)).contains(author.email() + " submitted", "/" + slug + "/", "Ready for a look",
                "/admin/pages/" + page + "/edit/");
        assertThat(workflow.openReview(page)).isPresent();
        assertThat(workflow.awaitingReviewBy(reviewer.email(), 50)).extracting(Review::getPageId).contains(page);
        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(404);

        Review approved = workflow.approve(page, 1, "Lovely", reviewer);

        assertThat(approved.getStatus()).isEqualTo(Review.Status.APPROVED);
        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(200);
        MimeMessage toAuthor = mailTo(author.email());
        assertThat(toAuthor.getSubject()).isEqualTo("\"Reviewed page\" was approved and published");
        assertThat(GreenMailUtil.getBody(toAuthor)).contains(reviewer.email() + " approved", "Lovely");
        assertThat(workflow.openReview(page)).isEmpty();
        assertThat(workflow.history(page)).extracting(ReviewStep::getAction, ReviewStep::getActor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReviewStep.Action.APPROVED, reviewer.email()),
                        org.assertj.core.groups.Tuple.tuple(ReviewStep.Action.SUBMITTED, author.email()));
        assertThat(workflow.history(page)).allSatisfy(step -> assertThat(step.getCreatedAt())
                .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES)));
    }

    @Test
    void aPageHasAtMostOneOpenReview() {
        long page = pages.createUnderHome(unique("once"), "Once").get("id").asLong();
        workflow.submit(page, null, null, null, null, author);

        assertThatThrownBy(() -> workflow.submit(page, null, null, null, null, reviewer))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("already in review");
    }

    @Test
    void requestingChangesNeedsACommentSendsItToTheAuthorAndTheDraftCanBeSubmittedAgain() throws Exception {
        long page = pages.createUnderHome(unique("changes"), "Needs work").get("id").asLong();
        workflow.submit(page, null, null, null, null, author);

        assertThatThrownBy(() -> workflow.requestChanges(page, "  ", reviewer)).hasMessageContaining("a comment is required");
        workflow.requestChanges(page, "Please add a summary.", reviewer);

        MimeMessage toAuthor = mailTo(author.email());
        assertThat(toAuthor.getSubject()).isEqualTo("Changes requested to \"Needs work\"");
        assertThat(GreenMailUtil.getBody(toAuthor)).contains("Please add a summary.");
        assertThat(workflow.openReview(page)).isEmpty();
        assertThat(workflow.submit(page, null, null, null, null, author).isOpen()).isTrue();
        assertThat(workflow.history(page)).extracting(ReviewStep::getAction).containsExactly(ReviewStep.Action.SUBMITTED,
                ReviewStep.Action.CHANGES_REQUESTED, ReviewStep.Action.SUBMITTED);
    }

    @Test
    void approvingADraftWithAGoLiveTimeSchedulesIt() {
        String slug = unique("scheduled");
        long page = pages.createUnderHome(slug, "Later").get("id").asLong();
        Instant goLive = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        workflow.submit(page, null, null, goLive, null, author);

        workflow.approve(page, 1, null, reviewer);

        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(404);
        assertThat(publisher.schedule(page).goLiveAt()).contains(goLive);
        assertThat(workflow.history(page).getFirst().getAction()).isEqualTo(ReviewStep.Action.SCHEDULED);
    }

    @Test
    void editingKeepsThePageInReviewButApprovalOfAnOlderDraftThanTheCurrentOneIsRefused() {
        String slug = unique("edited");
        long page = pages.createUnderHome(slug, "Edited").get("id").asLong();
        workflow.submit(page, 1, null, null, null, author);
        pages.edit(page, 1, Map.of("title", "Edited again"));

        assertThat(workflow.openReview(page)).as("still in review after the edit").isPresent();
        assertThatThrownBy(() -> workflow.approve(page, 1, null, reviewer)).isInstanceOf(StaleDraftException.class)
                .hasMessageContaining("Reload the page");
        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(404);

        workflow.approve(page, 2, null, reviewer);
        assertThat(pages.draft(page).get("live").asBoolean()).isTrue();
    }

    @Test
    void onlyTheSubmitterWithdrawsAndDeletingAPageEndsItsReview() throws Exception {
        long page = pages.createUnderHome(unique("withdrawn"), "Withdrawn").get("id").asLong();
        workflow.submit(page, null, reviewer.email(), null, null, author);
        assertThatThrownBy(() -> workflow.withdraw(page, reviewer)).hasMessageContaining("Only " + author.email());
        workflow.withdraw(page, author);
        assertThat(workflow.openReview(page)).isEmpty();

        workflow.submit(page, null, reviewer.email(), null, null, author);
        assertThat(api.delete("/api/v2/pages/" + page + "/").status()).isEqualTo(200);
        assertThat(workflow.openReview(page)).isEmpty();
        assertThat(workflow.history(page).getFirst().getAction()).isEqualTo(ReviewStep.Action.CANCELLED);
    }

    @Test
    void nothingToReviewAndBadInputAreRefusedWithReasons() {
        long page = pages.createUnderHome(unique("live"), "Live").get("id").asLong();
        pages.publish(page);

        assertThatThrownBy(() -> workflow.submit(page, null, null, null, null, author)).hasMessageContaining("nothing to review");
        pages.edit(page, 1, Map.of("title", "Live, changed"));
        assertThatThrownBy(() -> workflow.submit(page, null, "not an email", null, null, author)).hasMessageContaining("not an email address");
        assertThatThrownBy(() -> workflow.submit(page, null, null, Instant.now().minusSeconds(60), null, author))
                .hasMessageContaining("must be in the future");
        assertThatThrownBy(() -> workflow.approve(page, 2, null, reviewer)).hasMessageContaining("not in review");
        assertThat(workflow.history(page)).isEmpty();
    }

    /** Waits for the mail to this address and returns it. */
    private static MimeMessage mailTo(String email) throws MessagingException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
                if (to.contains(email)) {
                    return message;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail reached " + email + " within 10 s");
    }

    private static GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        return smtp;
    }
}
