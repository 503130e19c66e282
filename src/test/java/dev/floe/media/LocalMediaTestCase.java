package dev.floe.media;

import java.nio.file.Path;

import org.springframework.test.context.TestPropertySource;

/**
 * The media tests that need local media and the embedded database whatever services the suite runs against, on a
 * running Floe of their own with its own var folder. Sharing {@link MediaTestCase}'s folder made two Floes in one JVM
 * share one embedded search index, which only one of them can open: which one depended on the order the classes ran.
 */
@TestPropertySource(properties = {"FLOE_VAR_DIR=${floe.media.local.test.var}", "AWS_STORAGE_BUCKET_NAME=", "PGHOST=", "PGPORT=",
        "PGDATABASE=", "PGUSER=", "PGPASSWORD="})
abstract class LocalMediaTestCase extends MediaTestCase {

    static final Path LOCAL_MEDIA_VAR_DIR = ownVarDir("media-local-run-", "floe.media.local.test.var");
}
