package io.newsgraph.entities.graphql;

import io.newsgraph.service.graphql.UnreadableRequests;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Gives the /graphql route the failure handler that answers an unreadable body with a 400 instead of a 500. */
@ApplicationScoped
class GraphQLRouteFailures {

    void install(@Observes Router router) {
        router.route("/graphql").order(Integer.MIN_VALUE).failureHandler(new UnreadableRequests());
    }
}
