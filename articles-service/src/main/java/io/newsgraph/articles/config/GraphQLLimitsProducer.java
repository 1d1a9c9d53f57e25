package io.newsgraph.articles.config;

import io.newsgraph.service.graphql.GraphQLLimits;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Hands this service's GraphQL limits to the shared instrumentation, which looks them up when GraphQL is built. */
@ApplicationScoped
public class GraphQLLimitsProducer {

    @Produces
    @Singleton
    @Unremovable
    GraphQLLimits graphQLLimits(ArticlesConfig config) {
        return config.graphql().limits();
    }
}
