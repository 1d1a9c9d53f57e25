/**
 * The parts of the OpenAPI document ({@code /q/openapi}) that belong to no single endpoint: the security schemes and
 * the error answers, each an {@link ErrorResponse}. SmallRye OpenAPI reads this annotation only on a package or a
 * JAX-RS Application; the
 * endpoints refer to these parts by name ({@code ref = "Unprocessable"}).
 */
@OpenAPIDefinition(
        info = @Info(title = "entities-service", version = "1",
                description = "Entity extraction: extract without storing (one text, or NDJSON in batch), and the receiving "
                        + "side of articles-service's deliveries (PUT/DELETE /extractions/{articleId})."),
        components = @Components(
                securitySchemes = {
                        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP,
                                scheme = "bearer", bearerFormat = "JWT",
                                description = "A bearer JWT: role editor for /extract; the outbox relay's service identity (role extraction-writer) for /extractions.")},
                responses = {
                        @APIResponse(name = "BadRequest", responseCode = "400", description = "The body cannot be read: "
                                + "MALFORMED_JSON, BAD_REQUEST", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "Unauthorized", responseCode = "401", description = "No valid token: UNAUTHENTICATED",
                                content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "Forbidden", responseCode = "403", description = "The credential lacks the role: FORBIDDEN",
                                content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "TooLarge", responseCode = "413", description = "Body or line count over the limit: "
                                + "PAYLOAD_TOO_LARGE, TOO_MANY_LINES", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "UnsupportedMediaType", responseCode = "415", description = "Content-Type not "
                                + "accepted: UNSUPPORTED_MEDIA_TYPE", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "Unprocessable", responseCode = "422", description = "Well-formed but not acceptable "
                                + "(not worth retrying): MISSING_TEXT, EMPTY_BATCH, INVALID_UTF8, INVALID_PUBLISHED_AT, INVALID_ARTICLE_ID, "
                                + "ARTICLE_ID_MISMATCH, INVALID_VERSION, MISSING_BODY, MISSING_BODY_TEXT, TEXT_TOO_LONG, TITLE_TOO_LONG, "
                                + "TOO_MANY_MENTIONS",
                                content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "InternalError", responseCode = "500", description = "A failure inside the service: "
                                + "INTERNAL_ERROR", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorResponse.class))),
                        @APIResponse(name = "Unavailable", responseCode = "503", description = "Retry later: DATABASE_UNAVAILABLE "
                                + "(with Retry-After), ENGINE_UNAVAILABLE (the NER model is loading)",
                                content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorResponse.class)))
                }))
package io.newsgraph.entities.api;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
