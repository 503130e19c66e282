package dev.floe.api;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import dev.floe.config.SlashedRoutes;

/**
 * Any other address under /api/ answers in the API's JSON, not with the public site's 404 page. Only for the methods
 * the public site serves: for others a known address must still answer 405 or 415, not 404. A known address reaches
 * this too when the request's Accept header excludes JSON; it answers 406.
 */
@RestController
class UnknownApiPath {

    private final SlashedRoutes slashedRoutes;

    UnknownApiPath(SlashedRoutes slashedRoutes) {
        this.slashedRoutes = slashedRoutes;
    }

    @RequestMapping(value = "/api/**", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<Map<String, Object>> unknown(HttpServletRequest request) {
        java.util.Optional<String> withSlash = slashedRoutes.withSlash(request);
        if (withSlash.isPresent()) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, withSlash.get()).build();
        }
        if (slashedRoutes.isReadableRoute(request.getRequestURI())) {
            // The endpoint exists, but its JSON is not among the kinds of answer the Accept header allows.
            return ApiErrors.error(HttpStatus.NOT_ACCEPTABLE, "This endpoint answers in JSON: send 'Accept: application/json'"
                    + " (or no Accept header).", List.of());
        }
        return ApiErrors.error(HttpStatus.NOT_FOUND, "There is no API endpoint at " + request.getRequestURI()
                + "; the API's addresses are listed in /api/v2/openapi.json.", List.of());
    }
}
