package io.newsgraph.gateway.supergraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import graphql.schema.GraphQLObjectType;
import io.newsgraph.gateway.TestSupergraphs;

class SupergraphParserTest {

    private final Supergraph supergraph = TestSupergraphs.supergraph();

    @Test
    void readsTheSubgraphsOfJoinGraph() {
        assertEquals(List.of("ACCOUNTS", "INVENTORY", "PRODUCTS", "REVIEWS"), List.copyOf(supergraph.graphIds()));
        assertEquals(new SubgraphInfo("REVIEWS", "reviews", "http://reviews.test/graphql"), supergraph.subgraph("REVIEWS"));
    }

    @Test
    void readsKeysAndWhoResolvesEachField() {
        TypeInfo product = supergraph.type("Product");
        assertEquals("upc", product.resolvableKeys("INVENTORY").get(0).fields());
        assertEquals(List.of("PRODUCTS"), supergraph.graphsResolving(product, "name"));
        // price is @external in inventory: only products resolves it
        assertEquals(List.of("PRODUCTS"), supergraph.graphsResolving(product, "price"));
        assertNotNull(supergraph.requires(product, "shippingEstimate", "INVENTORY"));
        assertEquals(2, supergraph.requires(product, "shippingEstimate", "INVENTORY").getSelections().size());
        // @override: email moved from reviews to accounts
        assertEquals(List.of("ACCOUNTS"), supergraph.graphsResolving(supergraph.type("User"), "email"));
        // @provides on Review.author in reviews
        assertNotNull(supergraph.provides(supergraph.type("Review"), "author", "REVIEWS"));
        // no @join__field: every subgraph of the type resolves it
        assertEquals(List.of("PRODUCTS", "REVIEWS"), supergraph.graphsResolving(supergraph.type("Book"), "id"));
    }

    @Test
    void readsImplementsAndUnionMembersPerSubgraph() {
        TypeInfo media = supergraph.type("Media");
        assertTrue(supergraph.isMemberIn(media, "Book", "PRODUCTS"));
        assertFalse(supergraph.isMemberIn(media, "Book", "REVIEWS"));
        TypeInfo result = supergraph.type("SearchResult");
        assertTrue(supergraph.isMemberIn(result, "Movie", "PRODUCTS"));
    }

    @Test
    void apiSchemaDropsJoinLinkAndInaccessibleElements() {
        var api = supergraph.apiSchema();
        GraphQLObjectType product = api.getObjectType("Product");
        assertNotNull(product.getFieldDefinition("shippingEstimate"));
        assertNull(product.getFieldDefinition("internalCode"), "@inaccessible field removed");
        assertNull(api.getType("join__Graph"));
        assertNull(api.getType("link__Purpose"));
        assertNull(api.getDirective("join__field"));
        assertNull(api.getDirective("inaccessible"));
        assertTrue(product.getDirectives().isEmpty());
    }

    @Test
    void inaccessibleTypesDisappearWithTheirReferences() {
        String sdl = TestSupergraphs.sdl().replace("type Movie implements Media", "type Movie implements Media @inaccessible");
        Supergraph hidden = SupergraphParser.parse(sdl);
        assertNull(hidden.apiSchema().getType("Movie"));
        var union = (graphql.schema.GraphQLUnionType) hidden.apiSchema().getType("SearchResult");
        assertEquals(List.of("Product", "Book"), union.getTypes().stream().map(t -> t.getName()).toList());
    }

    @Test
    void rejectsWhatIsNotAServableSupergraph() {
        assertThrows(SupergraphException.class, () -> SupergraphParser.parse("type Query { a: Int }"));
        assertThrows(SupergraphException.class, () -> SupergraphParser.parse("type Query {"));
        String unknownGraph = TestSupergraphs.sdl().replace("@join__field(graph: ACCOUNTS)", "@join__field(graph: NOPE)");
        assertThrows(SupergraphException.class, () -> SupergraphParser.parse(unknownGraph));
        String unsupported = TestSupergraphs.sdl().replace("@link(url: \"https://specs.apollo.dev/link/v1.0\")",
                "@link(url: \"https://specs.apollo.dev/link/v1.0\") @link(url: \"https://example.com/magic/v1.0\", for: EXECUTION)");
        SupergraphException e = assertThrows(SupergraphException.class, () -> SupergraphParser.parse(unsupported));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void loadsFromFileOrClasspathAndNoticesChanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("supergraph.graphql");
        Files.writeString(file, TestSupergraphs.sdl());
        SupergraphSource source = new SupergraphSource(file.toString());
        assertEquals(4, source.load().subgraphs().size());
        assertFalse(source.changed());
        Files.writeString(file, TestSupergraphs.sdl().replace("http://reviews.test/graphql", "http://reviews2.test/graphql"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertTrue(source.changed());
        assertEquals("http://reviews2.test/graphql", source.load().subgraph("REVIEWS").url());
        assertFalse(source.changed());

        SupergraphSource classpath = new SupergraphSource("classpath:federation/supergraph.graphql");
        assertEquals(4, classpath.load().subgraphs().size());
        assertFalse(classpath.changed());
        assertThrows(SupergraphException.class, () -> new SupergraphSource("classpath:nope.graphql").load());
        assertThrows(SupergraphException.class, () -> new SupergraphSource(dir.resolve("missing").toString()).load());
    }
}
