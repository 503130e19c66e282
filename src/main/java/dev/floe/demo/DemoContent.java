package dev.floe.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.floe.blocks.BlockTypes;
import dev.floe.media.MediaLibrary;
import dev.floe.navigation.Menus;
import dev.floe.pages.Author;
import dev.floe.pages.Page;
import dev.floe.pages.PageEditor;
import dev.floe.pages.PageTree;
import dev.floe.publishing.Publisher;
import dev.floe.sharedcontent.SharedContents;
import dev.floe.site.ResponsePages;

/**
 * The demo site `floe demo` loads into an empty site: the Floe Harbour Museum, a fictional museum whose pages show
 * every page type and every block type, with menus, shared content, redirects and its own 404 page.
 */
@Service
public class DemoContent {

    static final Author DEMO = new Author("demo@floe.dev", Set.of("raw_html"));
    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private final PageTree tree;
    private final PageEditor editor;
    private final Publisher publisher;
    private final Menus menus;
    private final ResponsePages responsePages;
    private final SharedContents sharedContents;
    private final BlockTypes blockTypes;
    private final MediaLibrary library;
    private final TransactionTemplate transactions;

    DemoContent(PageTree tree, PageEditor editor, Publisher publisher, Menus menus, ResponsePages responsePages,
                SharedContents sharedContents, BlockTypes blockTypes, MediaLibrary library,
                PlatformTransactionManager transactionManager) {
        this.library = library;
        this.tree = tree;
        this.editor = editor;
        this.publisher = publisher;
        this.menus = menus;
        this.responsePages = responsePages;
        this.sharedContents = sharedContents;
        this.blockTypes = blockTypes;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Loads the demo once: only when the home page has no children yet, so editors' changes survive restarts. All of
     * it is one transaction, and the home page stays locked meanwhile, so two instances starting together load it once.
     */
    public boolean loadIfEmpty() {
        if (!tree.children(tree.home().getId()).isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        DemoBlocks blocks = new DemoBlocks(blockTypes, DEMO);
        // Asked before the transaction: an embed calls its oEmbed provider, which may take a moment.
        List<Map<String, Object>> media = new java.util.ArrayList<>(blocks.accepted(DemoSite.mediaBlocks()));
        // The library's pictures and guide are stored before the pages that show them, each upload on its own.
        media.addAll(blocks.accepted(DemoMedia.blocks(library, DEMO.email())));
        Boolean loaded = transactions.execute(status -> {
            Page home = editor.lock(tree.home().getId());
            if (!tree.children(home.getId()).isEmpty()) {
                return false;
            }
            new DemoSite(DemoCopy.load(), blocks, media, editor, publisher, menus, responsePages, sharedContents, DEMO)
                    .build(home);
            return true;
        });
        if (Boolean.TRUE.equals(loaded)) {
            log.info("Loaded the demo site in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        return Boolean.TRUE.equals(loaded);
    }
}
