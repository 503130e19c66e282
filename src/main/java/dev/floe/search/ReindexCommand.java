package dev.floe.search;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.config.FloeContext;
import picocli.CommandLine.Command;

/**
 * {@code floe reindex}: rebuilds the search index from the database while searches keep answering (on a search
 * server into a new index swapped in at the end, on the embedded index in place); a progress bar on a terminal, a
 * line per tenth otherwise.
 */
@Command(name = "reindex", description = "Rebuild the search index from the database; searches keep answering meanwhile.")
public class ReindexCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        boolean terminal = System.console() != null && System.console().isTerminal();
        PrintStream out = System.out;
        try (ConfigurableApplicationContext context = FloeContext.start(false, null, SearchConfiguration.INDEXING_COMMAND + "=true")) {
            ProgressReport progress = new ProgressReport(out, terminal);
            SearchIndexer.Report report;
            try {
                report = context.getBean(SearchIndexer.class).reindex(progress, java.time.Duration.ofHours(2));
            } catch (RuntimeException e) {
                progress.finish();
                // The rebuild's own sentence says what state the index is left in; its causes only say what broke.
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                System.err.println("floe: " + message.lines().findFirst().orElse(message));
                return 1;
            }
            progress.finish();
            out.printf("Reindexed %d page(s) and %d media item(s) in %.1f s (%.0f items/s); removed %d stale document(s).%n",
                    report.pages(), report.others(), report.millis() / 1000.0,
                    report.millis() == 0 ? 0.0 : report.indexed() * 1000.0 / report.millis(), report.removed());
            return 0;
        }
    }

    /** A bar redrawn in place on a terminal; plain lines at each tenth for logs. */
    static final class ProgressReport implements SearchIndexer.Progress {
        private final PrintStream out;
        private final boolean terminal;
        private int lastTenth = -1;
        private long lastDrawn = 0;

        ProgressReport(PrintStream out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        @Override
        public synchronized void indexed(long done, long total) {
            if (total <= 0) {
                return;
            }
            int percent = (int) Math.min(100, done * 100 / total);
            if (terminal) {
                long now = System.nanoTime();
                if (now - lastDrawn > 100_000_000L || done == total) {
                    int filled = percent * 30 / 100;
                    out.print("\rReindexing [" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + percent + "% ("
                            + done + "/" + total + ")");
                    out.flush();
                    lastDrawn = now;
                }
            } else if (percent / 10 > lastTenth) {
                lastTenth = percent / 10;
                out.println("Reindexing: " + done + " of " + total + " item(s) (" + percent + "%)");
            }
        }

        @Override
        public synchronized void step(String description) {
            if (terminal && lastDrawn != 0) {
                out.println();
            }
            out.println(description);
            lastTenth = -1;
            lastDrawn = 0;
        }

        synchronized void finish() {
            if (terminal) {
                out.println();
            }
        }
    }
}
