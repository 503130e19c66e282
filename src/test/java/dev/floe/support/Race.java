package dev.floe.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Several threads running the same task at once, as instances or requests racing each other would. */
public final class Race {

    private Race() {
    }

    /** Runs {@code racers} copies of {@code task} on as many threads and returns their results, in no special order. */
    public static <T> List<T> run(Callable<T> task, int racers) throws InterruptedException, ExecutionException {
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            List<T> results = new ArrayList<>();
            for (Future<T> run : pool.invokeAll(Collections.nCopies(racers, task))) {
                results.add(run.get());
            }
            return results;
        }
    }
}
