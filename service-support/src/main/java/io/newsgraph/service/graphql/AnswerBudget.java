package io.newsgraph.service.graphql;

import graphql.execution.instrumentation.InstrumentationState;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one answer has grown to while it is executed (possibly on several threads), against its two budgets: fields
 * (every field of every object counts) and bytes (each leaf value as it would be written in JSON, with its key). A
 * field count alone does not bound an answer: a page of 100 articles of 1 MiB each is a few hundred fields and 100 MB.
 */
final class AnswerBudget implements InstrumentationState {

    /** Which budget ran out first; null while both hold. */
    enum Exceeded { FIELDS, BYTES }

    private final long maxFields;
    private final long maxBytes;
    private final AtomicLong fields = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile Exceeded exceeded;

    AnswerBudget(long maxFields, long maxBytes) {
        this.maxFields = maxFields;
        this.maxBytes = maxBytes;
    }

    void count() {
        if (exceeded == null && fields.incrementAndGet() > maxFields) {
            exceeded = Exceeded.FIELDS;
        }
    }

    /** Adds a resolved leaf value ({@code "key": value}) to the answer's bytes. */
    void add(String key, Object value) {
        if (exceeded != null) {
            return;
        }
        if (bytes.addAndGet(key.length() + 4 + jsonBytes(value)) > maxBytes) {
            exceeded = Exceeded.BYTES;
        }
    }

    boolean exceeded() {
        return exceeded != null;
    }

    Exceeded which() {
        return exceeded;
    }

    long bytes() {
        return bytes.get();
    }

    /** About the bytes {@code value} takes in a JSON answer: strings by their UTF-8 length (escapes aside). */
    static long jsonBytes(Object value) {
        return switch (value) {
            case null -> 4;
            case CharSequence s -> utf8Length(s) + 2;
            case Iterable<?> items -> {
                long n = 2;
                for (Object item : items) {
                    n += jsonBytes(item) + 1;
                }
                yield n;
            }
            case Object[] items -> {
                long n = 2;
                for (Object item : items) {
                    n += jsonBytes(item) + 1;
                }
                yield n;
            }
            case Map<?, ?> m -> {
                long n = 2;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    n += jsonBytes(String.valueOf(e.getKey())) + 1 + jsonBytes(e.getValue()) + 1;
                }
                yield n;
            }
            case Number n -> n.toString().length();
            case Boolean b -> b ? 4 : 5;
            default -> utf8Length(value.toString()) + 2;
        };
    }

    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
