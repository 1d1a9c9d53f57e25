package io.newsgraph.articles.persistence;

import io.newsgraph.articles.domain.ArticleException;
import io.newsgraph.articles.domain.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorsTest {

    @Test
    void listCursorRoundTripsToTheMicrosecond() {
        OffsetDateTime at = OffsetDateTime.parse("2024-10-09T08:00:00.123456Z");
        UUID id = UUID.randomUUID();
        Cursors.ListKey key = Cursors.parseList(Cursors.list(at, id));
        assertEquals(at.toInstant(), key.sortAt().toInstant());
        assertEquals(id, key.id());
    }

    @Test
    void searchCursorIsBoundToItsQuery() {
        String cursor = Cursors.search("nakatani", 19);
        assertEquals(19, Cursors.parseSearch(cursor, "nakatani"));
        assertInvalid(() -> Cursors.parseSearch(cursor, "austin"));
        assertInvalid(() -> Cursors.parseList(cursor));
    }

    @Test
    void foreignOrDamagedCursorsAreInvalid() {
        for (String bad : new String[]{"", "%%%", "bm9wZQ", enc("l1:abc:" + UUID.randomUUID()), enc("l1:1:not-a-uuid"),
                enc("s1:-1:x"), "x".repeat(500)}) {
            assertInvalid(() -> Cursors.parseList(bad));
            assertInvalid(() -> Cursors.parseSearch(bad, "x"));
        }
    }

    private static String enc(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes());
    }

    private static void assertInvalid(org.junit.jupiter.api.function.Executable e) {
        ArticleException ex = assertThrows(ArticleException.class, e);
        assertEquals(ErrorCode.INVALID_CURSOR, ex.code());
    }
}
