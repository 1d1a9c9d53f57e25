package io.newsgraph.entities.api;

/** The body of every REST error: a stable code for programs and a message for people. */
public record ErrorResponse(String code, String message) {
}
