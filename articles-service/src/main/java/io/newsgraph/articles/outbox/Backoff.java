package io.newsgraph.articles.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries from many replicas
 * spread out without ever retrying immediately.
 */
public record Backoff(Duration initial, Duration max) {

    /** Delay before attempt {@code failedAttempts + 1}, after {@code failedAttempts} failures (at least 1). */
    public Duration delay(int failedAttempts) {
        int exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), initial.toMillis() * (1L << exponent));
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
