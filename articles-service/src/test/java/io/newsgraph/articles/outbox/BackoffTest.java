package io.newsgraph.articles.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void doublesWithJitterWithinHalfAndFullCeiling() {
        long[] ceilings = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
        for (int attempt = 1; attempt <= ceilings.length; attempt++) {
            for (int i = 0; i < 200; i++) {
                long d = backoff.delay(attempt).toMillis();
                long c = ceilings[attempt - 1];
                assertTrue(d >= c / 2 && d <= c, "attempt " + attempt + ": " + d + " not in [" + c / 2 + ", " + c + "]");
            }
        }
    }

    @Test
    void hugeAttemptCountsStayAtTheCap() {
        long d = backoff.delay(10_000).toMillis();
        assertTrue(d >= 30_000 && d <= 60_000, Long.toString(d));
    }

    @Test
    void jitterSpreadsRetries() {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 500; i++) {
            long d = backoff.delay(5).toMillis();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertTrue(max - min > 4000, "spread " + (max - min));
    }
}
