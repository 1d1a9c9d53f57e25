package io.newsgraph.articles.domain;

/** Every rejection a client can see, with its HTTP status. The names are the stable {@code code} of the error body. */
public enum ErrorCode {
    MALFORMED_JSON(400),
    UNKNOWN_FIELD(400),
    INVALID_FIELD(400),
    MISSING_BODY(400),
    INVALID_UTF8(400),
    INVALID_CURSOR(400),
    INVALID_ARGUMENT(400),
    INVALID_DATE(400),
    QUERY_TOO_LONG(400),
    ARTICLE_NOT_FOUND(404),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    VERSION_CONFLICT(409),
    BODY_TOO_LARGE(413),
    TOO_MANY_LINES(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    VERSION_REQUIRED(428),
    INTERNAL_ERROR(500),
    TOO_MANY_SUBSCRIPTIONS(503),
    DATABASE_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
