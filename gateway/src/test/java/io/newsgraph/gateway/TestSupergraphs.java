package io.newsgraph.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.newsgraph.gateway.supergraph.Supergraph;
import io.newsgraph.gateway.supergraph.SupergraphParser;

/** The supergraph of the test subgraphs (products, reviews, accounts, inventory), composed by tools/federation. */
public final class TestSupergraphs {

    private TestSupergraphs() {
    }

    public static String sdl() {
        return resource("federation/supergraph.graphql");
    }

    public static Supergraph supergraph() {
        return SupergraphParser.parse(sdl());
    }

    public static String resource(String name) {
        try (InputStream in = TestSupergraphs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
