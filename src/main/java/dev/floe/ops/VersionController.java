package dev.floe.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /-/version}: which build is answering. The commit comes from {@code FLOE_COMMIT} (set by the image build)
 * or else from the build information the jar carries; the version and build time from the latter.
 */
@RestController
class VersionController {

    private final Map<String, String> version;

    VersionController(ObjectProvider<BuildProperties> build, Environment environment) {
        BuildProperties info = build.getIfAvailable();
        String commit = environment.getProperty("FLOE_COMMIT", "").strip();
        if (commit.isEmpty() && info != null && info.get("commit") != null) {
            commit = info.get("commit");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", info == null ? "development" : info.getVersion());
        fields.put("commit", commit.isEmpty() ? "unknown" : commit);
        fields.put("build_time", info == null || info.getTime() == null ? "unknown" : info.getTime().toString());
        this.version = java.util.Collections.unmodifiableMap(fields);
    }

    @GetMapping(value = "/-/version", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> version() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(version);
    }
}
