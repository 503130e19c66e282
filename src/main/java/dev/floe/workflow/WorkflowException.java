package dev.floe.workflow;

/** A review step that cannot be taken in the page's current state; the message says what to do instead. */
public class WorkflowException extends RuntimeException {
    public WorkflowException(String message) {
        super(message);
    }
}
