package io.newsgraph.security;

import io.newsgraph.security.AccessPolicy.Caller;
import io.newsgraph.security.AccessPolicy.Decision;
import io.newsgraph.security.AccessPolicy.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccessPolicyTest {

    /** Every caller against every operation, with anonymous reads on and off. */
    @ParameterizedTest(name = "{0} by {1}, anonymous reads {2}: {3}")
    @CsvSource({
            "READ,                anonymous,         true,  ALLOW",
            "READ,                anonymous,         false, UNAUTHENTICATED",
            "READ,                none,              true,  ALLOW",
            "READ,                none,              false, FORBIDDEN",
            "READ,                reader,            false, ALLOW",
            "READ,                editor,            false, ALLOW",
            "READ,                extraction-writer, false, FORBIDDEN",
            "READ,                extraction-writer, true,  ALLOW",
            "WRITE,               anonymous,         true,  UNAUTHENTICATED",
            "WRITE,               none,              true,  FORBIDDEN",
            "WRITE,               reader,            true,  FORBIDDEN",
            "WRITE,               editor,            true,  ALLOW",
            "WRITE,               editor,            false, ALLOW",
            "WRITE,               extraction-writer, true,  FORBIDDEN",
            "DELIVER_EXTRACTIONS, anonymous,         true,  UNAUTHENTICATED",
            "DELIVER_EXTRACTIONS, reader,            true,  FORBIDDEN",
            "DELIVER_EXTRACTIONS, editor,            true,  FORBIDDEN",
            "DELIVER_EXTRACTIONS, extraction-writer, false, ALLOW",
            "WRITE,               reader+editor,     false, ALLOW",
    })
    void decides(Operation operation, String caller, boolean anonymousRead, Decision expected) {
        assertEquals(expected, AccessPolicy.decide(operation, caller(caller), anonymousRead));
    }

    /** Anonymous writes, off unless set, open writes to every caller and nothing else. */
    @ParameterizedTest(name = "{0} by {1}, anonymous writes {2}: {3}")
    @CsvSource({
            "WRITE,               anonymous,         false, UNAUTHENTICATED",
            "WRITE,               anonymous,         true,  ALLOW",
            "WRITE,               reader,            false, FORBIDDEN",
            "WRITE,               reader,            true,  ALLOW",
            "WRITE,               none,              true,  ALLOW",
            "DELIVER_EXTRACTIONS, anonymous,         true,  UNAUTHENTICATED",
            "DELIVER_EXTRACTIONS, editor,            true,  FORBIDDEN",
    })
    void anonymousWritesOpenWritesOnly(Operation operation, String caller, boolean anonymousWrite, Decision expected) {
        assertEquals(expected, AccessPolicy.decide(operation, caller(caller), true, anonymousWrite));
    }

    @Test
    void anonymousWritesDoNotOpenReads() {
        assertEquals(Decision.UNAUTHENTICATED, AccessPolicy.decide(Operation.READ, Caller.ANONYMOUS, false, true));
    }

    @Test
    void rolesOfAnUnverifiedCallerCountForNothing() {
        Caller unverified = new Caller(false, Set.of(Roles.EDITOR));
        assertEquals(Decision.UNAUTHENTICATED, AccessPolicy.decide(Operation.WRITE, unverified, true));
        assertEquals(Decision.UNAUTHENTICATED, AccessPolicy.decide(Operation.READ, unverified, false));
    }

    @Test
    void refusalsCarryTheirCodeAndStatus() {
        AccessRefusedException unauthenticated = AccessRefusedException.of(Decision.UNAUTHENTICATED, Operation.WRITE);
        assertEquals("UNAUTHENTICATED", unauthenticated.code());
        assertEquals(401, unauthenticated.httpStatus());
        AccessRefusedException forbidden = AccessRefusedException.of(Decision.FORBIDDEN, Operation.WRITE);
        assertEquals("FORBIDDEN", forbidden.code());
        assertEquals(403, forbidden.httpStatus());
        assertEquals("the token does not grant role editor, which this operation needs", forbidden.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AccessRefusedException.of(Decision.ALLOW, Operation.READ));
    }

    private static Caller caller(String name) {
        return switch (name) {
            case "anonymous" -> Caller.ANONYMOUS;
            case "none" -> Caller.withRoles();
            default -> Caller.withRoles(Arrays.stream(name.split("\\+")).toArray(String[]::new));
        };
    }
}
