package io.newsgraph.entities.api;

import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.entities.config.EntitiesConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks the {@code X-Api-Key} header on endpoints marked {@link ApiKeyRequired}. With no key configured those
 * endpoints answer 503 {@code API_KEY_NOT_CONFIGURED}: a service without a key refuses writes instead of taking them
 * from anyone. The key is compared in constant time and never logged.
 */
@Provider
@ApiKeyRequired
public class ApiKeyFilter implements ContainerRequestFilter {

    // looked up per request: REST providers are created at static init, before runtime configuration exists
    @Inject
    Instance<EntitiesConfig> configs;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        EntitiesConfig config = configs.get();
        ApiKeyRequired marker = resource.getResourceMethod().getAnnotation(ApiKeyRequired.class);
        if (marker == null) {
            marker = resource.getResourceClass().getAnnotation(ApiKeyRequired.class);
        }
        if (marker != null && !marker.always() && !config.extractRequiresApiKey()) {
            return;
        }
        if (config.apiKey().isEmpty() || config.apiKey().get().isBlank()) {
            request.abortWith(error(Response.Status.SERVICE_UNAVAILABLE, "API_KEY_NOT_CONFIGURED",
                    "this service has no API key configured (newsgraph.entities.api-key), so it refuses these requests"));
            return;
        }
        String given = request.getHeaderString(ExtractionContract.API_KEY_HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                config.apiKey().get().getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(error(Response.Status.UNAUTHORIZED, "UNAUTHORIZED",
                    "missing or wrong " + ExtractionContract.API_KEY_HEADER + " header"));
        }
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(code, message)).build();
    }
}
