package dev.canopy.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for the background scheduler to reach a state, polling, because its threads run beside the test. */
public final class Eventually {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Eventually() {}

    /** Returns the first value that satisfies the condition, or the last one read when the timeout passes. */
    public static <T> T value(Supplier<T> read, java.util.function.Predicate<T> condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        T value = read.get();
        while (!condition.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = read.get();
        }
        return value;
    }

    /** Sleeps long enough for several polls of the test scheduler (200 ms apart) to have run. */
    public static void quietPeriod() throws InterruptedException {
        Thread.sleep(1500);
    }
}
