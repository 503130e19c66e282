package dev.floe.api;

import java.io.IOException;

/** The request body went past the limit for API requests. */
class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes.");
    }
}
