package io.newsgraph.security.identity;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedTokensTest {

    private static final SecurityIdentity READER = QuarkusSecurityIdentity.builder()
            .setPrincipal((Principal) () -> "someone").addRole("reader").build();

    @Test
    void aTokenIsTakenUntilItsOwnExpiry() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5));
        tokens.remember("t", READER, 10_000, 0);
        assertEquals(READER, tokens.find("t", 9_999).orElseThrow());
        assertTrue(tokens.find("t", 10_000).isEmpty(), "expired: verified again, and refused there");
        assertTrue(tokens.find("t", 9_999).isEmpty(), "an expired entry is dropped");
    }

    @Test
    void noLongerThanTheTimeToLive() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofSeconds(60));
        tokens.remember("t", READER, 3_600_000, 1_000);
        assertTrue(tokens.find("t", 60_999).isPresent());
        assertTrue(tokens.find("t", 61_000).isEmpty(), "past the time-to-live the token is verified again");
    }

    @Test
    void onlyTheSameTokenMatches() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofSeconds(60));
        tokens.remember("token-a", READER, 3_600_000, 0);
        assertTrue(tokens.find("token-b", 1).isEmpty());
        assertTrue(tokens.find("token-a ", 1).isEmpty());
        assertTrue(tokens.find(null, 1).isEmpty());
    }

    @Test
    void expiredOrUnexpiringTokensAreNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofSeconds(60));
        tokens.remember("old", READER, 500, 1_000);
        tokens.remember("no-exp", READER, 0, 1_000);
        assertTrue(tokens.find("old", 1_000).isEmpty());
        assertTrue(tokens.find("no-exp", 1_000).isEmpty());
    }

    @Test
    void sizeZeroRemembersNothing() {
        VerifiedTokens tokens = new VerifiedTokens(0, Duration.ofSeconds(60));
        tokens.remember("t", READER, 3_600_000, 0);
        assertTrue(tokens.find("t", 1).isEmpty());
    }
}
