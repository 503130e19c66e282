package dev.floe.config;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * The report Tomcat gives for the errors it answers before any of Floe's code runs, above all an address whose path
 * Tomcat cannot decode ({@code /%ff}: escapes that do not spell UTF-8, or a path that climbs above the root). Its own
 * page was an HTML heading, "HTTP Status 400 – Bad Request", which told nobody what was wrong; this is one line of text
 * saying why (JSON under {@code /api/}, as the API's other errors are), as {@link MalformedQueryFilter} says it for a
 * query.
 */
final class TomcatErrorReport extends ErrorReportValve {

    static final String BAD_PATH = "The address's path is not valid: a '%' must begin an escape such as %20 or %C3%A9,"
            + " the escapes must spell UTF-8 text, and the path may not climb above the site's root with '..'.";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String message = status == 400 ? BAD_PATH : describe(status);
        String uri = request.getRequestURI();
        boolean api = uri != null && uri.startsWith("/api/");
        try {
            response.setContentType(api ? "application/json" : "text/plain");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                // The sentences are constants without quotes or backslashes, so they need no JSON escaping.
                writer.write(api ? "{\"error\":\"" + message + "\",\"details\":[]}" : message + "\n");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response was committed meanwhile: nothing more can be said to it.
        }
    }

    private static String describe(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return "HTTP " + status + (known == null ? "" : " " + known.getReasonPhrase()) + ".";
    }
}
