package dev.floe.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.floe.accounts.FloeUser;
import dev.floe.pages.PageBin;

/** {@code /api/v2/bin/}: deleted pages waiting to be restored or purged, for token holders. */
@RestController
@RequestMapping(value = "/api/v2/bin", produces = MediaType.APPLICATION_JSON_VALUE)
class BinApi {

    private final PageBin bin;

    BinApi(PageBin bin) {
        this.bin = bin;
    }

    @GetMapping("/")
    Map<String, Object> list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit,
                             @AuthenticationPrincipal FloeUser user) {
        if (user == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "The bin needs an API token: send 'Authorization: Bearer <token>'.");
        }
        if (offset < 0 || limit < 1 || limit > 100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "offset must be 0 or more and limit from 1 to 100.");
        }
        List<Map<String, Object>> items = bin.list(offset, limit).stream().map(PagesApi::binJson).toList();
        return Map.of("items", items, "meta", Map.of("total", bin.count()));
    }
}
