package io.newsgraph.gateway.limits;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * A token bucket per client (Bucket4j): {@code burst} requests at once, refilled at {@code requests} per
 * {@code period}. The table of clients is a bounded Caffeine cache: clients idle for longer than it takes to refill a
 * bucket are forgotten (a new bucket starts full, so forgetting them changes nothing), and at most
 * {@code maxClients} are kept, so a flood of distinct addresses cannot grow memory without bound.
 */
public final class ClientRateLimiter {

    private final Bandwidth bandwidth;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    public ClientRateLimiter(long requests, Duration period, long burst, long maxClients, Duration idleExpiry) {
        this(requests, period, burst, maxClients, idleExpiry, System::nanoTime);
    }

    /** With a clock of its own (nanoseconds), for tests. */
    public ClientRateLimiter(long requests, Duration period, long burst, long maxClients, Duration idleExpiry, LongSupplier nanos) {
        if (requests < 1 || burst < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("rate limit needs requests >= 1, burst >= 1 and a positive period");
        }
        this.bandwidth = Bandwidth.builder().capacity(burst).refillGreedy(requests, period).build();
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        // Idle long enough to be full again: forgetting the bucket is then the same as keeping it.
        Duration refill = period.multipliedBy(Math.max(1, (burst + requests - 1) / requests));
        Duration expiry = idleExpiry.compareTo(refill) > 0 ? idleExpiry : refill;
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(expiry.toNanos(), TimeUnit.NANOSECONDS)
                .ticker(nanos::getAsLong).build();
    }

    /** Takes one request from {@code client}'s bucket: 0 when allowed, else nanoseconds until one is free again. */
    public long tryAcquire(String client) {
        Bucket bucket = buckets.get(client, c -> Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(clock).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Clients currently tracked (approximate). */
    public long clients() {
        return buckets.estimatedSize();
    }

    public void cleanUp() {
        buckets.cleanUp();
    }
}
