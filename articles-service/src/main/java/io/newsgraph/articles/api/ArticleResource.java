package io.newsgraph.articles.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.articles.config.ArticlesConfig;
import io.newsgraph.articles.domain.ArticleDraft;
import io.newsgraph.articles.domain.ArticleException;
import io.newsgraph.articles.domain.ArticleService;
import io.newsgraph.articles.domain.ErrorCode;
import io.newsgraph.articles.domain.IngestOutcome;
import io.newsgraph.articles.parse.TextFormat;
import io.newsgraph.security.AccessPolicy;
import io.newsgraph.security.rest.Guarded;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The REST API of articles. Writes need an {@code editor} token ({@link Guarded}); reads follow the read rule. */
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
// OpenAPI (see package-info.java): every operation can meet a failure inside the service or a database away.
@APIResponse(responseCode = "500", ref = "InternalError")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class ArticleResource {

    /** Bulk lines stored per transaction: one commit per chunk instead of per article. */
    private static final int BULK_CHUNK = 100;

    private static final Set<String> PATCHABLE = Set.of("title", "body", "url", "source", "publishedAt", "language", "version");

    private final ArticleService service;
    private final ArticleViews views;
    private final RequestBodies bodies;
    private final ArticlesConfig config;
    private final ObjectMapper mapper;

    public ArticleResource(ArticleService service, ArticleViews views, RequestBodies bodies, ArticlesConfig config,
                           ObjectMapper mapper) {
        this.service = service;
        this.views = views;
        this.bodies = bodies;
        this.config = config;
        this.mapper = mapper;
    }

    /**
     * Ingests one article: a JSON object, or the text itself as text/plain, text/markdown or text/html with the
     * other fields as query parameters.
     */
    @POST
    @Guarded(AccessPolicy.Operation.WRITE)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Ingest one article", description = "Idempotent by externalId, else by url: the same content again is "
            + "UNCHANGED, new content a new version (UPDATED). JSON, or the text itself with the other fields as query parameters.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleRequests.Ingest.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "text/markdown", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "201", description = "Created (outcome CREATED)", headers = {
            @Header(name = HttpHeaders.LOCATION, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = HttpHeaders.ETAG, description = "the version", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleRequests.IngestResponse.class)))
    @APIResponse(responseCode = "200", description = "A new version (UPDATED) or nothing to change (UNCHANGED)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleRequests.IngestResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response ingest(InputStream in, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                           @QueryParam("title") String title, @QueryParam("url") String url,
                           @QueryParam("source") String source, @QueryParam("publishedAt") String publishedAt,
                           @QueryParam("language") String language, @QueryParam("externalId") String externalId) {
        TextFormat format = format(contentType);
        byte[] bytes = bodies.read(in, contentLength == null ? -1 : contentLength, config.limits().maxBodyBytes());
        if (bytes.length == 0) {
            throw new ArticleException(ErrorCode.MISSING_BODY, "the request has no body");
        }
        String text = bodies.utf8(bytes);
        ArticleDraft draft;
        if (format == null) {
            draft = draft(bodies.json(text, ArticleRequests.Ingest.class));
        } else {
            draft = new ArticleDraft(title, text, url, source, RequestBodies.dateTime("publishedAt", publishedAt),
                    language, externalId, format);
        }
        ArticleService.IngestResult result = service.ingest(draft);
        ArticleView view = views.view(result.article());
        Response.ResponseBuilder response = result.outcome() == IngestOutcome.CREATED
                ? Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/articles/" + view.id())
                : Response.ok();
        return response.tag(etag(view.version()))
                .entity(new ArticleRequests.IngestResponse(result.outcome().name(), view)).build();
    }

    /** NDJSON in, NDJSON out: one result line per non-blank input line; each line is stored or rejected on its own. */
    @POST
    @Path("/bulk")
    @Guarded(AccessPolicy.Operation.WRITE)
    @Consumes(MediaType.WILDCARD)
    @Produces("application/x-ndjson")
    @Operation(summary = "Ingest many articles as NDJSON", description = "One JSON object per line (as POST /articles takes); "
            + "one result line per non-blank input line, each line stored or rejected on its own (status and code in the line).")
    @RequestBody(required = true, content = @Content(mediaType = "application/x-ndjson",
            schema = @Schema(implementation = ArticleRequests.Ingest.class)))
    @APIResponse(responseCode = "200", description = "One result line per input line", content = @Content(
            mediaType = "application/x-ndjson", schema = @Schema(implementation = ArticleRequests.BulkLine.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public String bulk(InputStream in, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength) throws Exception {
        byte[] bytes = bodies.read(in, contentLength == null ? -1 : contentLength, config.limits().maxBulkBytes());
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                if (!isBlank(bytes, start, end)) {
                    lines.add(new int[]{number, start, end});
                }
                start = i + 1;
                number++;
            }
        }
        if (lines.isEmpty()) {
            throw new ArticleException(ErrorCode.MISSING_BODY, "the request has no lines");
        }
        if (lines.size() > config.limits().maxBulkLines()) {
            throw new ArticleException(ErrorCode.TOO_MANY_LINES,
                    "at most " + config.limits().maxBulkLines() + " lines per request; nothing was stored");
        }
        // Decode and parse every line first; valid ones are stored in chunks, each chunk one transaction.
        ArticleRequests.BulkLine[] results = new ArticleRequests.BulkLine[lines.size()];
        List<Integer> positions = new ArrayList<>();
        List<ArticleDraft> drafts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int[] line = lines.get(i);
            try {
                if (line[2] - line[1] > config.limits().maxBodyBytes()) {
                    throw new ArticleException(ErrorCode.BODY_TOO_LARGE,
                            "the line is larger than " + config.limits().maxBodyBytes() + " bytes");
                }
                String text = bodies.utf8(bytes, line[1], line[2] - line[1]);
                drafts.add(draft(bodies.json(text, ArticleRequests.Ingest.class)));
                positions.add(i);
            } catch (ArticleException e) {
                results[i] = failure(line[0], e);
            }
        }
        for (int from = 0; from < drafts.size(); from += BULK_CHUNK) {
            int to = Math.min(drafts.size(), from + BULK_CHUNK);
            List<ArticleService.BatchItem> items = service.ingestBatch(drafts.subList(from, to));
            for (int k = 0; k < items.size(); k++) {
                int i = positions.get(from + k);
                ArticleService.BatchItem item = items.get(k);
                if (item.error() != null) {
                    results[i] = failure(lines.get(i)[0], item.error());
                } else {
                    ArticleService.IngestResult r = item.result();
                    results[i] = new ArticleRequests.BulkLine(lines.get(i)[0],
                            r.outcome() == IngestOutcome.CREATED ? 201 : 200, r.outcome().name(),
                            r.article().id.toString(), r.article().version, null, null);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (ArticleRequests.BulkLine result : results) {
            out.append(mapper.writeValueAsString(result)).append('\n');
        }
        return out.toString();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One article, parsed into its parts")
    @APIResponse(responseCode = "200", description = "The article; ETag is its version", headers = @Header(name = HttpHeaders.ETAG,
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") String id) {
        ArticleView view = views.view(service.get(uuid(id)));
        return Response.ok(view).tag(etag(view.version())).build();
    }

    /** Newest first (publishedAt, else ingest time), filtered, as a Relay connection. */
    @GET
    @Operation(summary = "Articles, newest first, as a Relay connection")
    @APIResponse(responseCode = "200", description = "A page of articles")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Connections.ArticleConnection list(@QueryParam("source") String source,
                                              @QueryParam("publishedFrom") String from,
                                              @QueryParam("publishedTo") String to,
                                              @QueryParam("first") String first, @QueryParam("after") String after) {
        return views.connection(service.list(source, DateBounds.lower("publishedFrom", from),
                DateBounds.upper("publishedTo", to), service.window(integer("first", first), after, null, null)));
    }

    @GET
    @Path("/search")
    @Operation(summary = "Full-text search, best match first")
    @APIResponse(responseCode = "200", description = "A page of matches with snippets")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Connections.ArticleSearchConnection search(@QueryParam("q") String q, @QueryParam("first") String first,
                                                      @QueryParam("after") String after) {
        return views.searchConnection(q == null ? "" : q,
                service.search(q, service.window(integer("first", first), after, null, null)));
    }

    /** Replaces the article's content; the version comes from If-Match or the body. */
    @PUT
    @Path("/{id}")
    @Guarded(AccessPolicy.Operation.WRITE)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Replace an article's content", description = "The version comes from If-Match or the body.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleRequests.Replace.class)))
    @APIResponse(responseCode = "200", description = "The article at its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "428", ref = "VersionRequired")
    public Response replace(@PathParam("id") String id, InputStream in,
                            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID articleId = uuid(id);
        String text = bodyText(in, contentLength);
        ArticleRequests.Replace r = bodies.json(text, ArticleRequests.Replace.class);
        long version = version(ifMatch, r.version());
        ArticleDraft replacement = draft(new ArticleRequests.Ingest(r.title(), r.body(), r.url(), r.source(),
                r.publishedAt(), r.language(), r.externalId()));
        ArticleView view = views.view(service.update(articleId, version, current -> new ArticleDraft(
                replacement.title(), replacement.body(), replacement.url(), replacement.source(),
                replacement.publishedAt(), replacement.language(),
                replacement.externalId() == null ? current.externalId() : replacement.externalId(), TextFormat.AUTO)));
        return Response.ok(view).tag(etag(view.version())).build();
    }

    /** Changes the fields present in the JSON object (null clears one; body cannot be cleared). */
    @PATCH
    @Path("/{id}")
    @Guarded(AccessPolicy.Operation.WRITE)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Change some fields of an article", description = "Only the fields present change; null clears one "
            + "(body cannot be cleared). The version comes from If-Match or the body.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleRequests.Patch.class)))
    @APIResponse(responseCode = "200", description = "The article at its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "428", ref = "VersionRequired")
    public Response patch(@PathParam("id") String id, InputStream in,
                          @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID articleId = uuid(id);
        String text = bodyText(in, contentLength);
        JsonNode patch = bodies.tree(text);
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PATCHABLE.contains(name)) {
                throw new ArticleException(ErrorCode.UNKNOWN_FIELD, "field '" + (name.length() > 64 ? name.substring(0, 64) : name)
                        .replaceAll("[^A-Za-z0-9_.-]", "?") + "' cannot be patched; patchable: " + PATCHABLE);
            }
            JsonNode v = patch.get(name);
            if (!name.equals("version") && !v.isNull() && !v.isTextual()) {
                throw new ArticleException(ErrorCode.INVALID_FIELD, "field '" + name + "' must be a string or null");
            }
        }
        JsonNode versionNode = patch.get("version");
        if (versionNode != null && !versionNode.isNull() && !versionNode.canConvertToExactIntegral()) {
            throw new ArticleException(ErrorCode.INVALID_FIELD, "field 'version' must be an integer");
        }
        long version = version(ifMatch, versionNode == null || versionNode.isNull() ? null : versionNode.asLong());
        ArticleView view = views.view(service.update(articleId, version, current -> new ArticleDraft(
                text(patch, "title", current.title()), text(patch, "body", current.body()),
                text(patch, "url", current.url()), text(patch, "source", current.source()),
                patch.has("publishedAt") ? RequestBodies.dateTime("publishedAt", patch.get("publishedAt").asText(null))
                        : current.publishedAt(),
                text(patch, "language", current.language()), current.externalId(), TextFormat.AUTO)));
        return Response.ok(view).tag(etag(view.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Guarded(AccessPolicy.Operation.WRITE)
    @Operation(summary = "Delete an article", description = "The version comes from If-Match or the version parameter.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "428", ref = "VersionRequired")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @QueryParam("version") String version) {
        UUID articleId = uuid(id);
        service.delete(articleId, version(ifMatch, version == null ? null : integer("version", version).longValue()));
        return Response.noContent().build();
    }

    /** Queues the article for delivery again (after FAILED, or to re-run extraction). */
    @POST
    @Path("/{id}/processing/retry")
    @Guarded(AccessPolicy.Operation.WRITE)
    @Operation(summary = "Queue the article for extraction again")
    @APIResponse(responseCode = "200", description = "The article, processing PENDING")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ArticleView retry(@PathParam("id") String id) {
        return views.view(service.retryProcessing(uuid(id)));
    }

    /** Queues every FAILED delivery again. */
    @POST
    @Path("/processing/retry-failed")
    @Guarded(AccessPolicy.Operation.WRITE)
    @Operation(summary = "Queue every FAILED delivery again")
    @APIResponse(responseCode = "200", description = "How many were queued", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleRequests.Requeued.class)))
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Map<String, Integer> retryFailed() {
        return Map.of("requeued", service.retryAllFailed());
    }

    /**
     * Queues every article for delivery again, whatever its state: with entities-service on an emptied database this
     * rebuilds the entity graph (after an upgrade that changes extraction or resolution).
     */
    @POST
    @Path("/processing/redeliver-all")
    @Guarded(AccessPolicy.Operation.WRITE)
    @Operation(summary = "Queue every article for delivery again", description = "Rebuilds the entity graph when entities-service "
            + "starts from an emptied database.")
    @APIResponse(responseCode = "200", description = "How many were queued", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleRequests.Requeued.class)))
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Map<String, Integer> redeliverAll() {
        return Map.of("requeued", service.redeliverAll());
    }

    private static ArticleRequests.BulkLine failure(int line, ArticleException e) {
        return new ArticleRequests.BulkLine(line, e.code().status(), null, null, null, e.code().name(), e.getMessage());
    }

    private String bodyText(InputStream in, Long contentLength) {
        return bodies.utf8(bodies.read(in, contentLength == null ? -1 : contentLength, config.limits().maxBodyBytes()));
    }

    private static String text(JsonNode patch, String field, String current) {
        if (!patch.has(field)) {
            return current;
        }
        JsonNode v = patch.get(field);
        return v.isNull() ? null : v.asText();
    }

    private static ArticleDraft draft(ArticleRequests.Ingest r) {
        return new ArticleDraft(r.title(), r.body(), r.url(), r.source(), RequestBodies.dateTime("publishedAt", r.publishedAt()),
                r.language(), r.externalId(), TextFormat.AUTO);
    }

    /** null for JSON; otherwise the text format. Only UTF-8 is accepted. */
    private static TextFormat format(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new ArticleException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type is required: application/json, text/plain, text/markdown or text/html");
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new ArticleException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type is not a valid media type");
        }
        String charset = type.getParameters().get("charset");
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new ArticleException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "only UTF-8 is accepted");
        }
        String t = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        if (t.equals("application/json") || t.endsWith("+json")) {
            return null;
        }
        return switch (t) {
            case "text/plain" -> TextFormat.PLAIN;
            case "text/markdown", "text/x-markdown" -> TextFormat.MARKDOWN;
            case "text/html" -> TextFormat.HTML;
            default -> throw new ArticleException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json, text/plain, text/markdown or text/html");
        };
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ArticleException(ErrorCode.ARTICLE_NOT_FOUND, "no article with that id");
        }
    }

    private static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new ArticleException(ErrorCode.INVALID_ARGUMENT, name + " must be an integer");
        }
    }

    private static long version(String ifMatch, Long fromBody) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String v = ifMatch.strip();
            if (v.startsWith("W/")) {
                v = v.substring(2);
            }
            v = v.replace("\"", "");
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ArticleException(ErrorCode.INVALID_ARGUMENT, "If-Match must be the article's version, e.g. \"3\"");
            }
        }
        if (fromBody != null) {
            return fromBody;
        }
        throw new ArticleException(ErrorCode.VERSION_REQUIRED,
                "say which version you change: If-Match header or a version field");
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
