package io.newsgraph.gateway.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The documents registered by automatic persisted queries, by the SHA-256 of their text. A bounded Caffeine cache:
 * at most {@code maxEntries} documents of at most {@code maxDocumentLength} characters each, so that registrations
 * (which any client may send) cannot grow memory without bound. A document evicted or never kept is simply asked
 * for again: the protocol answers {@code PERSISTED_QUERY_NOT_FOUND} and the client sends the text once more.
 */
final class PersistedQueryStore {

    private final Cache<String, String> documents;
    private final int maxDocumentLength;

    PersistedQueryStore(long maxEntries, int maxDocumentLength) {
        this.documents = Caffeine.newBuilder().maximumSize(maxEntries).build();
        this.maxDocumentLength = maxDocumentLength;
    }

    /** The document registered under this hash (lower-case hex), or null. */
    String get(String hash) {
        return documents.getIfPresent(hash);
    }

    /** Keeps the document unless it is longer than the limit; returns whether it was kept. */
    boolean put(String hash, String document) {
        if (document.length() > maxDocumentLength) {
            return false;
        }
        documents.put(hash, document);
        return true;
    }

    long size() {
        documents.cleanUp();
        return documents.estimatedSize();
    }

    /** The SHA-256 of the text's UTF-8 bytes, lower-case hex: the id Apollo Client, urql and Relay compute. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
