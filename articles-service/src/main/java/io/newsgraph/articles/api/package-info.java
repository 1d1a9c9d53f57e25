/**
 * The parts of the OpenAPI document ({@code /q/openapi}) that belong to no single endpoint: the bearer scheme and
 * the error answers, each an {@link ErrorBody} whose {@code code} is one of {@link io.newsgraph.articles.domain.ErrorCode}.
 * SmallRye OpenAPI reads this annotation only on a package or a JAX-RS Application; the
 * endpoints refer to these parts by name ({@code ref = "NotFound"}).
 */
@OpenAPIDefinition(
        info = @Info(title = "articles-service", version = "1",
                description = "Articles: ingest (one, or NDJSON in bulk), read, list, search, replace, patch, delete, and the "
                        + "processing queue. Reads are open unless anonymous reads are off; writes need an editor's bearer token."),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP,
                        scheme = "bearer", bearerFormat = "JWT",
                        description = "A JWT from the organisation's identity provider with role editor ("
                                + "./newsgraph token editor mints one for the local run)."),
                responses = {
                        @APIResponse(name = "BadRequest", responseCode = "400", description = "The request is not valid: "
                                + "MALFORMED_JSON, UNKNOWN_FIELD, INVALID_FIELD, MISSING_BODY, INVALID_UTF8, INVALID_CURSOR, "
                                + "INVALID_ARGUMENT, QUERY_TOO_LONG", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = "Unauthorized", responseCode = "401", description = "No valid token: UNAUTHENTICATED",
                                content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = "Forbidden", responseCode = "403", description = "The token lacks the editor role: FORBIDDEN",
                                content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = "NotFound", responseCode = "404", description = "No article with that id: ARTICLE_NOT_FOUND",
                                content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = "Conflict", responseCode = "409", description = "The article has moved past the version "
                                + "given: VERSION_CONFLICT", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = "TooLarge", responseCode = "413", description = "Body or line count over the limit: "
                                + "BODY_TOO_LARGE, TOO_MANY_LINES", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = "UnsupportedMediaType", responseCode = "415", description = "Content-Type not accepted, "
                                + "or not UTF-8: UNSUPPORTED_MEDIA_TYPE", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = "VersionRequired", responseCode = "428", description = "No version given (If-Match "
                                + "header or version field): VERSION_REQUIRED", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = "InternalError", responseCode = "500", description = "A failure inside the service: "
                                + "INTERNAL_ERROR", content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = ErrorBody.class))),
                        @APIResponse(name = "Unavailable", responseCode = "503", description = "The database is unavailable; "
                                + "retry after the Retry-After seconds: DATABASE_UNAVAILABLE", content = @Content(
                                mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
                }))
package io.newsgraph.articles.api;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.Components;
