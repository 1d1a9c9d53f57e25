package io.newsgraph.security.rest;

import io.newsgraph.security.AccessGuard;
import io.newsgraph.security.AccessPolicy;
import io.newsgraph.security.AccessRefusedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;

/**
 * Applies the policy to every REST method before its body is read: {@link Guarded} names the operation kind, any
 * other method is a read. A refusal is the service's usual error body, {@code {"code", "message"}}.
 */
public class RestAccessFilter {

    private final AccessGuard guard;

    public RestAccessFilter(AccessGuard guard) {
        this.guard = guard;
    }

    @ServerRequestFilter
    public Response check(ResourceInfo resource, RoutingContext request) {
        try {
            guard.require(operation(resource), request);
            return null;
        } catch (AccessRefusedException refused) {
            Response.ResponseBuilder response = Response.status(refused.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new JsonObject().put("code", refused.code()).put("message", refused.getMessage()).encode());
            return refused.httpStatus() == 401 ? response.header("WWW-Authenticate", "Bearer").build() : response.build();
        }
    }

    static AccessPolicy.Operation operation(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Guarded guarded = method == null ? null : method.getAnnotation(Guarded.class);
        if (guarded == null && resource.getResourceClass() != null) {
            guarded = resource.getResourceClass().getAnnotation(Guarded.class);
        }
        return guarded == null ? AccessPolicy.Operation.READ : guarded.value();
    }
}
