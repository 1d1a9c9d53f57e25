package io.newsgraph.articles.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.newsgraph.articles.domain.ArticleException;
import io.newsgraph.articles.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads request bodies strictly: bounded in size, valid UTF-8, JSON without unknown fields, duplicate keys or
 * trailing content. Each failure is an {@link ArticleException} with its own code.
 */
@ApplicationScoped
public class RequestBodies {

    private final ObjectMapper strict;

    public RequestBodies(ObjectMapper mapper) {
        this.strict = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Reads at most {@code limit} bytes; more is a 413 (checked while reading, so a huge body is never buffered). */
    public byte[] read(InputStream in, long declaredLength, int limit) {
        if (declaredLength > limit) {
            throw tooLarge(limit);
        }
        try (in) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String utf8(byte[] bytes) {
        return utf8(bytes, 0, bytes.length);
    }

    public String utf8(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new ArticleException(ErrorCode.INVALID_UTF8, "the body is not valid UTF-8");
        }
    }

    public <T> T json(String text, Class<T> type) {
        if (text.isBlank()) {
            throw new ArticleException(ErrorCode.MISSING_BODY, "the request has no body");
        }
        try {
            T value = strict.readValue(text, type);
            if (value == null) {
                throw new ArticleException(ErrorCode.MALFORMED_JSON, "expected a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ArticleException(ErrorCode.UNKNOWN_FIELD, "unknown field '" + safe(e.getPropertyName())
                    + "'; known fields: " + e.getKnownPropertyIds());
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
            if (field == null) {
                throw new ArticleException(ErrorCode.MALFORMED_JSON, "expected a JSON object");
            }
            throw new ArticleException(ErrorCode.INVALID_FIELD, "field '" + safe(field) + "' has the wrong type");
        } catch (JsonParseException e) {
            throw new ArticleException(ErrorCode.MALFORMED_JSON, "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new ArticleException(ErrorCode.MALFORMED_JSON, "malformed JSON");
        }
    }

    public JsonNode tree(String text) {
        if (text.isBlank()) {
            throw new ArticleException(ErrorCode.MISSING_BODY, "the request has no body");
        }
        try {
            JsonNode node = strict.readTree(text);
            if (node == null || !node.isObject()) {
                throw new ArticleException(ErrorCode.MALFORMED_JSON, "expected a JSON object");
            }
            return node;
        } catch (JsonParseException e) {
            throw new ArticleException(ErrorCode.MALFORMED_JSON, "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new ArticleException(ErrorCode.MALFORMED_JSON, "malformed JSON");
        }
    }

    /** ISO-8601 date-time with offset, or a plain date (taken as midnight UTC). */
    public static OffsetDateTime dateTime(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.strip()).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new ArticleException(ErrorCode.INVALID_FIELD,
                        field + " must be an ISO-8601 date-time with offset, e.g. 2024-10-09T08:00:00Z");
            }
        }
    }

    private static ArticleException tooLarge(int limit) {
        return new ArticleException(ErrorCode.BODY_TOO_LARGE, "the body is larger than " + limit + " bytes");
    }

    /** Field names come from the client: keep them short and printable. */
    private static String safe(String s) {
        if (s == null) {
            return "";
        }
        String cleaned = s.replaceAll("[^A-Za-z0-9_.-]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
