package io.newsgraph.entities.graphql;

import io.newsgraph.entities.persistence.GraphReader.ArticlePosition;
import io.newsgraph.entities.persistence.GraphReader.EntityPosition;
import io.newsgraph.entities.persistence.GraphReader.RelatedPosition;

import io.newsgraph.entities.extraction.EntityType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque Relay cursors: a position in a list's order, base64url-encoded with a prefix naming the list, so that a
 * cursor from one list is refused by another. The same cursors serve {@code after} and {@code before}.
 */
final class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursors() {
    }

    static String entity(int articleCount, long id) {
        return encode("e1:" + articleCount + ":" + id);
    }

    static EntityPosition entityPosition(String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = decode(cursor, "e1:").split(":", -1);
        try {
            return new EntityPosition(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw bad();
        }
    }

    static String article(double salience, String articleId) {
        return encode("a1:" + Double.toHexString(salience) + ":" + articleId);
    }

    static ArticlePosition articlePosition(String cursor) {
        if (cursor == null) {
            return null;
        }
        String body = decode(cursor, "a1:");
        int colon = body.indexOf(':');
        if (colon < 0) {
            throw bad();
        }
        try {
            return new ArticlePosition(Double.parseDouble(body.substring(0, colon)), body.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw bad();
        }
    }

    static String related(int articleCount, long otherId) {
        return encode("r1:" + articleCount + ":" + otherId);
    }

    static RelatedPosition relatedPosition(String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = decode(cursor, "r1:").split(":", -1);
        try {
            return new RelatedPosition(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw bad();
        }
    }

    /** A position in one search's ranking; the fingerprint of its query keeps it from paging another search. */
    static String search(String query, EntityType type, int position) {
        return encode("s1:" + position + ":" + fingerprint(query, type));
    }

    static Integer searchPosition(String cursor, String query, EntityType type) {
        if (cursor == null) {
            return null;
        }
        String[] parts = decode(cursor, "s1:").split(":", -1);
        try {
            int position = Integer.parseInt(parts[0]);
            if (position < 0 || parts.length != 2 || !parts[1].equals(fingerprint(query, type))) {
                throw bad();
            }
            return position;
        } catch (NumberFormatException e) {
            throw bad();
        }
    }

    private static String fingerprint(String query, EntityType type) {
        return Integer.toHexString((query + "\u0000" + type).hashCode());
    }

    private static String encode(String s) {
        return ENCODER.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor, String prefix) {
        String s;
        try {
            s = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad();
        }
        if (!s.startsWith(prefix)) {
            throw bad();
        }
        return s.substring(prefix.length());
    }

    private static BadCursorException bad() {
        return new BadCursorException();
    }
}
