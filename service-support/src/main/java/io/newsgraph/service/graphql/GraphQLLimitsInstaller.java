package io.newsgraph.service.graphql;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.smallrye.graphql.spi.EventingService;
import jakarta.enterprise.inject.spi.CDI;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts {@link GraphQLLimitsInstrumentation} first in the chain SmallRye GraphQL builds (depth, complexity, its document
 * cache, federation tracing). Registered through {@code META-INF/services}: SmallRye's CDI events would do it too, but
 * turning them on fires an event for every field fetched. {@link #getConfigKey()} is null, so it is always on. The
 * service gives its limits as a {@link GraphQLLimits} bean (from its {@link GraphQLLimitsConfig} group).
 */
public final class GraphQLLimitsInstaller implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        GraphQLLimits limits = CDI.current().select(GraphQLLimits.class).get();
        // the builder exposes no getter: what SmallRye chained so far is read from a throwaway build
        Instrumentation existing = builder.build().getInstrumentation();
        List<Instrumentation> chain = new ArrayList<>();
        chain.add(new GraphQLLimitsInstrumentation(limits));
        if (existing != null) {
            chain.add(existing);
        }
        return builder.instrumentation(new ChainedInstrumentation(chain));
    }
}
