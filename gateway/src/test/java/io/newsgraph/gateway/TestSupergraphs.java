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

    /**
     * A join v0.3 supergraph of subgraphs named by their join__Graph ids (lower-cased for names and URLs) with
     * the given type definitions: the declarations every supergraph repeats, written once for the tests.
     */
    public static Supergraph join(String types, String... graphs) {
        StringBuilder sdl = new StringBuilder("""
                schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) { query: Query }
                directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
                directive @join__graph(name: String!, url: String!) on ENUM_VALUE
                directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
                directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
                directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
                directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
                scalar join__FieldSet
                scalar link__Import
                enum link__Purpose { SECURITY EXECUTION }
                enum join__Graph {
                """);
        for (String g : graphs) {
            String name = g.toLowerCase(java.util.Locale.ROOT);
            sdl.append("  ").append(g).append(" @join__graph(name: \"").append(name).append("\", url: \"http://").append(name)
                    .append(".example/graphql\")\n");
        }
        sdl.append("}\n").append(types);
        return SupergraphParser.parse(sdl.toString());
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
