package dev.floe.admin;

import java.nio.file.Path;

import org.springframework.test.context.TestPropertySource;

import dev.floe.support.FloeIntegrationTest;

/**
 * The media admin tests' running Floe, with its own var folder (database and local media), so that other tests'
 * checks of the shared media folder, such as the backup tests' file counts, never see the files these tests upload.
 */
@TestPropertySource(properties = "FLOE_VAR_DIR=${floe.admin.media.test.var}")
abstract class MediaAdminTestCase extends FloeIntegrationTest {

    static final Path MEDIA_ADMIN_VAR_DIR = ownVarDir("media-admin-run-", "floe.admin.media.test.var");
}
