package dev.floe.config;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What the API and the admin say when a value in the address is not of the kind a screen or endpoint takes, such as
 * {@code /api/v2/pages/abc/} or {@code ?limit=many}: Spring's own message names Java types, which nobody calling Floe
 * should need to read.
 */
public final class RequestArguments {

    private RequestArguments() {
    }

    /**
     * 404 when the value is part of the path (no such address exists, as with an id that is not there), 400 when it
     * is a query parameter.
     */
    public static HttpStatus status(MethodArgumentTypeMismatchException e) {
        return inPath(e) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    }

    /** One sentence naming the part of the address, what it must be, and the value given. */
    public static String problem(MethodArgumentTypeMismatchException e) {
        String given = e.getValue() == null ? "" : String.valueOf(e.getValue());
        if (given.length() > 40) {
            given = given.substring(0, 40) + "…";
        }
        String expected = expected(e.getRequiredType());
        return inPath(e)
                ? "There is nothing at this address: its " + e.getName() + " must be " + expected + ", and '" + given + "' is not."
                : "The parameter '" + e.getName() + "' must be " + expected + "; '" + given + "' is not.";
    }

    private static boolean inPath(MethodArgumentTypeMismatchException e) {
        return e.getParameter().hasParameterAnnotation(PathVariable.class);
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "a whole number no larger than " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return "a whole number no larger than " + Long.MAX_VALUE;
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a valid value";
    }
}
