package dev.floe.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting in a test for something another thread or process brings about, checking every 20 ms. */
public final class Await {

    private Await() {
    }

    public static void until(BooleanSupplier condition, Duration within) {
        until(condition, within, "the condition");
    }

    public static void until(BooleanSupplier condition, Duration within, String what) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s for %s", within, what).isBefore(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
