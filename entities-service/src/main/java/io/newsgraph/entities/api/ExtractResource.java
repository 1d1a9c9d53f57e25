package io.newsgraph.entities.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.entities.config.EntitiesConfig;
import io.newsgraph.entities.domain.ExtractionService;
import io.newsgraph.entities.domain.InvalidInputException;
import io.newsgraph.entities.domain.PublishedDates;
import io.newsgraph.entities.extraction.ArticleText;
import io.newsgraph.security.AccessPolicy;
import io.newsgraph.security.rest.Guarded;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Extraction without storing, for internal teams: one text, or many as NDJSON. It stores nothing, but each call costs
 * seconds of CPU, so it takes the credential of the write endpoints: an {@code editor} token.
 */
@Path("/extract")
@Guarded(AccessPolicy.Operation.WRITE)
// OpenAPI (see package-info.java).
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class ExtractResource {

    static final String NDJSON = "application/x-ndjson";

    /** The JSON form of a single request. */
    public record ExtractRequest(String text, String publishedAt) {
    }

    /** One line of a batch, as the OpenAPI document describes it (the endpoint reads each line as a JSON tree). */
    public record BatchLine(@Schema(description = "the caller's id, echoed in the answer line") String doc_id, String text,
                            String publishedAt) {
    }

    /** One answer line of a batch: entities, or the line's own error. */
    public record BatchResult(String doc_id, Integer line, List<ExtractedView.EntityView> entities, ErrorResponse error) {
    }

    @Inject
    ExtractionService service;

    @Inject
    EntitiesConfig config;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extract the entities of one text without storing anything",
            description = "The text itself (text/plain), or {\"text\", \"publishedAt\"} as JSON; publishedAt anchors relative dates.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExtractRequest.class))})
    @APIResponse(responseCode = "200", description = "The entities found, with their mentions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExtractedView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public ExtractedView extractText(byte[] body) {
        String text = StrictUtf8.decode(body);
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("MISSING_TEXT", "the body must be the text to extract from");
        }
        return ExtractedView.of(service.extract(new ArticleText(null, text, PublishedDates.reference(null, null,
                java.time.Clock.systemUTC()))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ExtractedView extractJson(ExtractRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new InvalidInputException("MISSING_TEXT", "text is required");
        }
        return ExtractedView.of(service.extract(
                new ArticleText(null, request.text(),
                        PublishedDates.reference(request.publishedAt(), null, java.time.Clock.systemUTC()))));
    }

    /**
     * One output line per non-empty input line, in input order. A line that cannot be processed yields
     * {@code {"doc_id": ..., "line": n, "error": {"code": ..., "message": ...}}} and the others go on.
     */
    @POST
    @Path("/batch")
    @Consumes({NDJSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Produces(NDJSON)
    @Operation(summary = "Extract from many texts, one NDJSON line each",
            description = "Each line {\"doc_id\", \"text\", \"publishedAt\"}; one answer line per input line, in order: its "
                    + "entities, or an error of its own while the other lines go on.")
    @RequestBody(required = true, content = @Content(mediaType = NDJSON, schema = @Schema(implementation = BatchLine.class)))
    @APIResponse(responseCode = "200", description = "One line per input line",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response batch(byte[] raw) {
        String body = StrictUtf8.decode(raw);
        List<String> lines = new ArrayList<>();
        if (body != null) {
            for (String line : body.split("\r?\n")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        if (lines.isEmpty()) {
            throw new InvalidInputException("EMPTY_BATCH", "the body must hold at least one NDJSON line");
        }
        if (lines.size() > config.limits().maxBatchLines()) {
            return ErrorMappers.json(413, "TOO_MANY_LINES",
                    "a batch holds at most " + config.limits().maxBatchLines() + " lines");
        }
        StreamingOutput out = stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            for (int i = 0; i < lines.size(); i++) {
                w.write(json.writeValueAsString(process(i + 1, lines.get(i))));
                w.write('\n');
                w.flush();
            }
        };
        return Response.ok(out, NDJSON).build();
    }

    private ObjectNode process(int lineNumber, String line) {
        ObjectNode out = json.createObjectNode();
        JsonNode in;
        try {
            in = json.readTree(line);
        } catch (JsonProcessingException e) {
            return error(out, lineNumber, "MALFORMED_JSON", "the line is not valid JSON");
        }
        if (in == null || !in.isObject()) {
            return error(out, lineNumber, "MALFORMED_JSON", "the line must be a JSON object");
        }
        JsonNode docId = in.get("doc_id");
        out.set("doc_id", docId == null ? json.nullNode() : docId);
        if (docId == null || docId.isNull() || docId.isContainerNode()) {
            return error(out, lineNumber, "MISSING_DOC_ID", "doc_id is required");
        }
        JsonNode text = in.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            return error(out, lineNumber, "MISSING_TEXT", "text is required and must be a string");
        }
        try {
            JsonNode published = in.get("publishedAt");
            ArticleText article = new ArticleText(null, text.asText(),
                    PublishedDates.reference(published == null || published.isNull() ? null : published.asText(), null,
                            java.time.Clock.systemUTC()));
            out.set("entities", json.valueToTree(ExtractedView.entities(service.extract(article))));
            return out;
        } catch (InvalidInputException e) {
            return error(out, lineNumber, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            return error(out, lineNumber, "EXTRACTION_FAILED", "extraction failed for this line");
        }
    }

    private ObjectNode error(ObjectNode out, int lineNumber, String code, String message) {
        if (!out.has("doc_id")) {
            out.putNull("doc_id");
        }
        out.put("line", lineNumber);
        ObjectNode error = out.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return out;
    }
}
