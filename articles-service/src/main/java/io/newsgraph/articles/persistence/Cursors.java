package io.newsgraph.articles.persistence;

import io.newsgraph.articles.domain.ArticleException;
import io.newsgraph.articles.domain.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque Relay cursors. A list cursor holds the keyset position (sort time in microseconds, id); a search cursor
 * holds an offset and a fingerprint of its query, so a cursor from one search cannot page another.
 */
public final class Cursors {

    private static final String LIST = "l1";
    private static final String SEARCH = "s1";

    /** Position in the list order (sortAt descending, id descending). */
    public record ListKey(OffsetDateTime sortAt, UUID id) {
    }

    private Cursors() {
    }

    public static String list(OffsetDateTime sortAt, UUID id) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, sortAt.toInstant());
        return encode(LIST + ":" + micros + ":" + id);
    }

    public static ListKey parseList(String cursor) {
        String[] parts = decode(cursor).split(":");
        if (parts.length != 3 || !parts[0].equals(LIST)) {
            throw bad();
        }
        try {
            long micros = Long.parseLong(parts[1]);
            Instant at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            return new ListKey(at.atOffset(ZoneOffset.UTC), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw bad();
        }
    }

    public static String search(String query, int offset) {
        return encode(SEARCH + ":" + offset + ":" + fingerprint(query));
    }

    public static int parseSearch(String cursor, String query) {
        String[] parts = decode(cursor).split(":");
        if (parts.length != 3 || !parts[0].equals(SEARCH) || !parts[2].equals(fingerprint(query))) {
            throw bad();
        }
        try {
            int offset = Integer.parseInt(parts[1]);
            if (offset < 0) {
                throw bad();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw bad();
        }
    }

    private static String fingerprint(String query) {
        return Integer.toHexString(query.strip().hashCode());
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        if (cursor == null || cursor.length() > 200) {
            throw bad();
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad();
        }
    }

    private static ArticleException bad() {
        return new ArticleException(ErrorCode.INVALID_CURSOR, "the cursor is not one this service handed out");
    }
}
