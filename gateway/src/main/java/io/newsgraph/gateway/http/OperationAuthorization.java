package io.newsgraph.gateway.http;

import graphql.language.OperationDefinition;
import io.newsgraph.gateway.limits.GraphQLFailure;
import io.newsgraph.security.AccessGuard;
import io.newsgraph.security.AccessPolicy;
import io.newsgraph.security.AccessRefusedException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The subgraphs' access rule, applied once the operation is known and before it is planned: a mutation needs
 * {@code editor}, a query the read rule. A refused operation calls no subgraph. The token itself was verified by
 * Quarkus before the request reached the routes (a bad one is answered 401 there); the verified identity stays on the
 * request for whatever reads it next, and the {@code Authorization} header travels on to the subgraphs unchanged.
 */
@ApplicationScoped
public class OperationAuthorization {

    private final AccessGuard guard;

    public OperationAuthorization(AccessGuard guard) {
        this.guard = guard;
    }

    void check(RoutingContext ctx, OperationDefinition operation) {
        AccessPolicy.Operation kind = operation.getOperation() == OperationDefinition.Operation.MUTATION
                ? AccessPolicy.Operation.WRITE : AccessPolicy.Operation.READ;
        try {
            guard.require(kind, ctx);
        } catch (AccessRefusedException refused) {
            throw new GraphQLFailure(refused.httpStatus(), refused.code(), refused.getMessage());
        }
    }
}
