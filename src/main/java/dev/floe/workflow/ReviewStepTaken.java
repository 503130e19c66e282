package dev.floe.workflow;

/** A step was taken in a review; announced inside its transaction, acted on (mail) once it commits. */
public record ReviewStepTaken(long pageId, String pageTitle, String pagePath, Review.Status status, ReviewStep.Action action,
                              String actor, String author, String assignee, String comment) {
}
