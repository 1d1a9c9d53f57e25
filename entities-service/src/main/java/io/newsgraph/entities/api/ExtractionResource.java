package io.newsgraph.entities.api;

import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.contract.ExtractionRequest;
import io.newsgraph.entities.domain.ApplyOutcome;
import io.newsgraph.entities.domain.ExtractionService;
import io.newsgraph.security.AccessPolicy;
import io.newsgraph.security.rest.Guarded;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The receiving side of the delivery contract ({@link ExtractionContract}): articles-service's outbox relay puts each
 * article version here and deletes removed articles. Both calls are idempotent and answer 200 with what they did.
 * Only the relay's service identity ({@code extraction-writer}) may call them.
 */
@Path(ExtractionContract.BASE_PATH)
@Guarded(AccessPolicy.Operation.DELIVER_EXTRACTIONS)
@Produces(MediaType.APPLICATION_JSON)
// OpenAPI (see package-info.java).
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "500", ref = "InternalError")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class ExtractionResource {

    /** What a delivery did. */
    public record DeliveryResult(String articleId, String outcome) {
    }

    @Inject
    ExtractionService service;

    @PUT
    @Path(ExtractionContract.ITEM_PATH)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliver an article version for extraction", description = "Idempotent: the same or an older version "
            + "changes nothing. The article's mentions are replaced in one transaction.")
    @APIResponse(responseCode = "200", description = "What the delivery did (outcome)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public DeliveryResult put(@PathParam("articleId") String articleId, ExtractionRequest request) {
        ApplyOutcome outcome = service.receive(articleId, request);
        return new DeliveryResult(articleId, outcome.name());
    }

    @DELETE
    @Path(ExtractionContract.ITEM_PATH)
    @Operation(summary = "Remove a deleted article's mentions", description = "Idempotent: an unknown article is no error.")
    @APIResponse(responseCode = "200", description = "What the delete did (outcome)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryResult.class)))
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public DeliveryResult delete(@PathParam("articleId") String articleId) {
        return new DeliveryResult(articleId, service.delete(articleId).name());
    }
}
