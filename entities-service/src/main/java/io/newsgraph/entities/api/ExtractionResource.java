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

/**
 * The receiving side of the delivery contract ({@link ExtractionContract}): articles-service's outbox relay puts each
 * article version here and deletes removed articles. Both calls are idempotent and answer 200 with what they did.
 * Only the relay's service identity ({@code extraction-writer}) may call them.
 */
@Path(ExtractionContract.BASE_PATH)
@Guarded(AccessPolicy.Operation.DELIVER_EXTRACTIONS)
@Produces(MediaType.APPLICATION_JSON)
public class ExtractionResource {

    /** What a delivery did. */
    public record DeliveryResult(String articleId, String outcome) {
    }

    @Inject
    ExtractionService service;

    @PUT
    @Path(ExtractionContract.ITEM_PATH)
    @Consumes(MediaType.APPLICATION_JSON)
    public DeliveryResult put(@PathParam("articleId") String articleId, ExtractionRequest request) {
        ApplyOutcome outcome = service.receive(articleId, request);
        return new DeliveryResult(articleId, outcome.name());
    }

    @DELETE
    @Path(ExtractionContract.ITEM_PATH)
    public DeliveryResult delete(@PathParam("articleId") String articleId) {
        return new DeliveryResult(articleId, service.delete(articleId).name());
    }
}
