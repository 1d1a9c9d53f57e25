package io.newsgraph.security.graphql;

import io.newsgraph.security.AccessGuard;
import io.newsgraph.security.AccessPolicy;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.spi.EventingService;

/**
 * Checks a subgraph's GraphQL operation as a whole, before anything of it runs: a document with a mutation needs
 * {@code editor}, any other (queries, {@code _entities}, {@code _service}) the read rule. A refusal fails the request,
 * and {@link io.newsgraph.security.http.AccessFailureHandler} answers it. Loaded by SmallRye GraphQL through
 * {@code ServiceLoader}, so it reaches its collaborators through the container.
 */
public class GraphQLAccessCheck implements EventingService {

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public void beforeExecute(Context context) {
        var container = Arc.container();
        container.instance(AccessGuard.class).get()
                .require(operation(context), container.instance(CurrentVertxRequest.class).get().getCurrent());
    }

    /** The strictest kind among the document's operations: a mutation anywhere in it makes it a write. */
    static AccessPolicy.Operation operation(Context context) {
        for (String type : context.getRequestedOperationTypes()) {
            if ("mutation".equalsIgnoreCase(type)) {
                return AccessPolicy.Operation.WRITE;
            }
        }
        return AccessPolicy.Operation.READ;
    }
}
