package io.newsgraph.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token buckets on a clock of the test's own, so refills are exact and nothing sleeps. */
class ClientRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private ClientRateLimiter limiter(long requests, long burst, long maxClients) {
        return new ClientRateLimiter(requests, Duration.ofSeconds(1), burst, maxClients, Duration.ofMinutes(10), now::get);
    }

    @Test
    void aBurstPassesThenTheClientWaitsForTheRefill() {
        ClientRateLimiter l = limiter(2, 3, 100);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, l.tryAcquire("ip:1"), "request " + i + " of the burst");
        }
        long wait = l.tryAcquire("ip:1");
        assertTrue(wait > 0 && wait <= Duration.ofMillis(500).toNanos(), "two per second: one token every 500 ms, waited " + wait);
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertEquals(0, l.tryAcquire("ip:1"), "refilled by itself");
        assertTrue(l.tryAcquire("ip:1") > 0);
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        ClientRateLimiter l = limiter(1, 1, 100);
        assertEquals(0, l.tryAcquire("ip:1"));
        assertTrue(l.tryAcquire("ip:1") > 0);
        assertEquals(0, l.tryAcquire("ip:2"));
        assertEquals(0, l.tryAcquire("sub:alice"));
    }

    @Test
    void theTableOfClientsStaysBounded() {
        ClientRateLimiter l = limiter(1, 1, 50);
        for (int i = 0; i < 5_000; i++) {
            l.tryAcquire("ip:10.0." + (i / 256) + "." + (i % 256));
        }
        l.cleanUp();
        assertTrue(l.clients() <= 50, "clients kept: " + l.clients());
    }

    @Test
    void idleClientsAreForgotten() {
        ClientRateLimiter l = limiter(1, 1, 1000);
        l.tryAcquire("ip:1");
        now.addAndGet(Duration.ofMinutes(11).toNanos());
        l.cleanUp();
        assertEquals(0, l.clients());
        assertEquals(0, l.tryAcquire("ip:1"));
    }
}
