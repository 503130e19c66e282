package dev.floe.summaries;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The rehearsal's next release: a page's one-line summary, read by anyone and written with a token. */
@RestController
@RequestMapping(value = "/api/v2/pages/{id}/summary/", produces = MediaType.APPLICATION_JSON_VALUE)
class SummariesApi {

    private final JdbcTemplate jdbc;

    SummariesApi(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    Map<String, Object> get(@PathVariable long id) {
        return json(id, jdbc.query("SELECT summary FROM page WHERE id = ?", rs -> rs.next() ? rs.getString(1) : missing(id), id));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> put(@PathVariable long id, @RequestBody Map<String, Object> body) {
        if (!(body.get("summary") instanceof String summary) || summary.length() > 500) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "summary must be a string of at most 500 characters");
        }
        if (jdbc.update("UPDATE page SET summary = ? WHERE id = ?", summary, id) == 0) {
            missing(id);
        }
        return json(id, summary);
    }

    private static String missing(long id) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no page " + id);
    }

    private static Map<String, Object> json(long id, String summary) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("page", id);
        json.put("summary", summary);
        return json;
    }
}
