package io.newsgraph.articles.api;

import io.newsgraph.contract.ExtractionContract;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Checks the API key of {@link RequiresApiKey} methods before the body is read. */
@Provider
@RequiresApiKey
public class ApiKeyFilter implements ContainerRequestFilter {

    private final ApiKeyGuard guard;

    public ApiKeyFilter(ApiKeyGuard guard) {
        this.guard = guard;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        guard.check(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getHeaderString(ExtractionContract.API_KEY_HEADER));
    }
}
