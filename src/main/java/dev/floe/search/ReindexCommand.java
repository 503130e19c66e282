package dev.floe.search;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.config.FloeContext;
import picocli.CommandLine.Command;

/**
 * {@code floe reindex}: rebuilds the search index from the database while searches keep answering; a progress bar
 * on a terminal, a line per tenth otherwise.
 */
@Command(name = "reindex", description = "Rebuild the search index from the database; searches keep answering meanwhile.")
public class ReindexCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        boolean terminal = System.console() != null && System.console().isTerminal();
        PrintStream out = System.out;
        try (ConfigurableApplicationContext context = FloeContext.start(false, null, SearchConfiguration.INDEXING_COMMAND + "=true")) {
            ProgressReport progress = new ProgressReport(out, terminal);
            SearchIndexer.Report report = context.getBean(SearchIndexer.class).reindex(progress, java.time.Duration.ofHours(2));
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

        synchronized void finish() {
            if (terminal) {
                out.println();
            }
        }
    }
}
