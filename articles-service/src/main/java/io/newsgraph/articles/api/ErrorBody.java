package io.newsgraph.articles.api;

/** Every REST error: {@code {"code": "STABLE_CODE", "message": "..."}}. */
public record ErrorBody(String code, String message) {
}
