package io.newsgraph.launcher;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalKeysTest {

    @Test
    void makesTheKeysOnceOwnerOnlyThenReusesThem(@TempDir Path state) throws Exception {
        LocalKeys first = LocalKeys.loadOrCreate(state);
        LocalKeys second = LocalKeys.loadOrCreate(state);
        assertEquals(first.relayPrivateKeyPem(), second.relayPrivateKeyPem());
        assertEquals(first.issuerKeys().getPublic(), second.issuerKeys().getPublic());
        assertNotEquals(first.relayPublicKeyPem(), pemOf(first.issuerPublicKey()), "the relay has a pair of its own");
        Path dir = state.resolve(LocalKeys.DIR);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
        assertFalse(first.toString().contains("PRIVATE"));
    }

    @Test
    void tokensVerifyAgainstThePublishedKeyWithIssuerAudienceAndRoles(@TempDir Path state) throws Exception {
        LocalKeys keys = LocalKeys.loadOrCreate(state);
        String token = keys.token("someone", Duration.ofMinutes(5), List.of("editor"));
        JwtClaims claims = new JwtConsumerBuilder().setVerificationKey(keys.issuerKeys().getPublic())
                .setExpectedIssuer(LocalKeys.ISSUER).setExpectedAudience(LocalKeys.AUDIENCE).setRequireExpirationTime()
                .build().processToClaims(token);
        assertEquals(List.of("editor"), claims.getStringListClaimValue("groups"));
        assertEquals("someone", claims.getSubject());
        assertTrue(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue() == 300);
        // a token of another suite's keys does not verify here
        LocalKeys other = LocalKeys.loadOrCreate(state.resolve("other"));
        assertThrows(InvalidJwtException.class, () -> new JwtConsumerBuilder().setVerificationKey(keys.issuerKeys().getPublic())
                .setExpectedAudience(LocalKeys.AUDIENCE).build()
                .processToClaims(other.token("x", Duration.ofMinutes(5), List.of("editor"))));
    }

    @Test
    void ttlsAreBounded() {
        assertEquals(Duration.ofMinutes(30), Launcher.ttl("30m"));
        assertEquals(Duration.ofHours(8), Launcher.ttl("8h"));
        assertEquals(Duration.ofDays(1), Launcher.ttl("1d"));
        assertThrows(LaunchException.class, () -> Launcher.ttl("2d"));
        assertThrows(LaunchException.class, () -> Launcher.ttl("0h"));
        assertThrows(LaunchException.class, () -> Launcher.ttl("8 hours"));
    }

    private static String pemOf(Path file) throws Exception {
        return Files.readString(file);
    }
}
