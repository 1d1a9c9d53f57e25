package io.newsgraph.service.graphql;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answer budgets at work in a real graphql-java execution: fields, and bytes of the leaf values. */
class AnswerBudgetTest {

    /** Articles of a 10 000-character body each; {@code articles(first: n)} fetches n of them. */
    record Article(String id, String body, List<String> keyPoints) {
    }

    private static final String BODY = "é".repeat(5_000) + "x".repeat(5_000); // 15 000 bytes in UTF-8

    private final AtomicInteger pagesFetched = new AtomicInteger();

    private GraphQL graphql(long maxFields, long maxBytes) {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
                type Query { articles(first: Int!): [Article!]! }
                type Article { id: ID! body: String! keyPoints: [String!]! }
                """), RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("articles", env -> {
                    pagesFetched.incrementAndGet();
                    int n = env.getArgument("first");
                    return IntStream.range(0, n).mapToObj(i -> new Article("a" + i, BODY, List.of("one", "two"))).toList();
                }))
                .build());
        GraphQLLimits limits = new GraphQLLimits(15, 100, 1_000_000, 20, 100, 1000, maxFields, maxBytes);
        return GraphQL.newGraphQL(schema).instrumentation(new GraphQLLimitsInstrumentation(limits)).build();
    }

    @Test
    void anAnswerWithinBothBudgetsIsAnsweredWhole() {
        ExecutionResult r = graphql(1000, 200_000).execute("{ articles(first: 10) { id body keyPoints } }");
        assertEquals(List.of(), r.getErrors());
        List<?> articles = (List<?>) ((Map<?, ?>) r.getData()).get("articles");
        assertEquals(10, articles.size());
    }

    @Test
    void pastTheByteBudgetTheAnswerIsOneErrorWithoutData() {
        // 20 bodies of 15 000 bytes are 300 000 bytes: few fields, over a 200 000-byte budget
        ExecutionResult r = graphql(1000, 200_000).execute("{ articles(first: 20) { id body } }");
        assertNull(r.getData());
        assertEquals(1, r.getErrors().size());
        assertEquals(LimitExceeded.MAX_ANSWER_SIZE_EXCEEDED, r.getErrors().getFirst().getExtensions().get("code"));
        assertTrue(r.getErrors().getFirst().getMessage().contains("200000 bytes"), r.getErrors().getFirst().getMessage());
    }

    @Test
    void aliasesOfOneBigValueCountEachTime() {
        String aliases = IntStream.range(0, 20).mapToObj(i -> "b" + i + ": body").reduce("", (a, b) -> a + " " + b);
        ExecutionResult r = graphql(1000, 200_000).execute("{ articles(first: 1) { " + aliases + " } }");
        assertNull(r.getData());
        assertEquals(LimitExceeded.MAX_ANSWER_SIZE_EXCEEDED, r.getErrors().getFirst().getExtensions().get("code"));
    }

    @Test
    void onceOverNoFurtherDataFetcherRuns() {
        String pages = IntStream.range(0, 5).mapToObj(i -> "p" + i + ": articles(first: 20) { body }").reduce("", (a, b) -> a + " " + b);
        ExecutionResult r = graphql(1000, 200_000).execute("{ " + pages + " }");
        assertEquals(LimitExceeded.MAX_ANSWER_SIZE_EXCEEDED, r.getErrors().getFirst().getExtensions().get("code"));
        assertEquals(1, pagesFetched.get(), "the first page's bodies exhaust the budget; the other pages are not fetched");
    }

    @Test
    void theFieldBudgetStillHoldsWhereValuesAreSmall() {
        ExecutionResult r = graphql(30, 10_000_000).execute("{ articles(first: 40) { id } }");
        assertNull(r.getData());
        assertTrue(r.getErrors().getFirst().getMessage().contains("30 fields"), r.getErrors().getFirst().getMessage());
    }

    @Test
    void jsonBytesCountsUtf8AndStructure() {
        assertEquals(2 + 1 + 2 + 4, AnswerBudget.jsonBytes("aé\uD83D\uDE00"));
        assertEquals(2 + (3 + 1) + (3 + 1), AnswerBudget.jsonBytes(List.of("a", "b")));
        assertEquals(3, AnswerBudget.jsonBytes(123));
        assertEquals(4, AnswerBudget.jsonBytes(null));
        assertEquals(3, AnswerBudget.utf8Length("\uD800")); // a lone surrogate is written as three bytes (or escaped)
    }
}
