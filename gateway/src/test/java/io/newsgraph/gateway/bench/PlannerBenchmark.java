package io.newsgraph.gateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.validation.Validator;
import io.newsgraph.gateway.config.GatewayConfig;
import io.newsgraph.gateway.planner.PlanningException;
import io.newsgraph.gateway.planner.QueryPlan;
import io.newsgraph.gateway.planner.QueryPlanner;
import io.newsgraph.gateway.limits.CostModel;
import io.newsgraph.gateway.limits.CostModel;
import io.newsgraph.gateway.runtime.Engine;
import io.newsgraph.gateway.runtime.PreparedDocument;
import io.newsgraph.gateway.supergraph.Supergraph;
import io.newsgraph.gateway.supergraph.SupergraphParser;

/**
 * Query planning throughput over real supergraphs: the suite's own ({@code deploy/base/gateway/supergraph.graphql})
 * and any other given by path (the audit's largest). Operations are generated from the API schema, one per root
 * field (see {@link OperationGenerator}); one benchmark operation plans all of them once.
 * <ul>
 * <li>{@code planCold}: the planner alone, from parsed documents (a new plan every time);</li>
 * <li>{@code prepareAndPlanCold}: what a request pays on a cache miss: parse, validate, plan;</li>
 * <li>{@code cached}: a request whose document and plan are in the gateway's cache ({@link Engine}).</li>
 * </ul>
 * Run: {@code mvn -pl gateway test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java
 * -Dexec.args="-cp %classpath org.openjdk.jmh.Main PlannerBenchmark -p supergraph=suite,/path/to/other.graphql"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlannerBenchmark {

    /** {@code suite}, or the path of a supergraph file. */
    @Param("suite")
    public String supergraph;

    private Supergraph graph;
    private QueryPlanner planner;
    private Engine engine;
    private final List<String> texts = new ArrayList<>();
    private final List<OperationDefinition> operations = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path file = supergraph.equals("suite") ? repo().resolve("deploy/base/gateway/supergraph.graphql") : Path.of(supergraph);
        graph = SupergraphParser.parse(Files.readString(file));
        planner = new QueryPlanner(graph);
        // cost analysis as the gateway's defaults configure it (10000, lists of 20): part of what a cold request costs
        engine = new Engine(graph, LIMITS, 2000, new CostModel(graph.apiSchema(), graph.costDirectives(), 10_000, 20,
                List.of("first", "last"), List.of("edges", "nodes"), Map.of()));
        OperationGenerator generator = new OperationGenerator(graph.apiSchema(), 2);
        int skipped = 0;
        for (GraphQLFieldDefinition root : graph.apiSchema().getQueryType().getFieldDefinitions()) {
            String text = generator.forRootField(root);
            if (text == null) {
                skipped++;
                continue;
            }
            Document doc = Parser.parse(text);
            var errors = new Validator().validateDocument(graph.apiSchema(), doc, java.util.Locale.ENGLISH);
            if (!errors.isEmpty()) {
                // e.g. fragments selecting one response key with different types: not a valid client query
                skipped++;
                continue;
            }
            OperationDefinition op = (OperationDefinition) doc.getDefinitions().get(0);
            try {
                planner.plan(op, Map.of(), Map.of());
            } catch (PlanningException e) {
                skipped++; // a field the supergraph cannot serve (the audit has such on purpose)
                continue;
            }
            texts.add(text);
            operations.add(op);
        }
        System.out.printf("%n%s: %d root fields skipped; operation sizes %s characters%n", file.getFileName(), skipped,
                texts.stream().map(t -> String.valueOf(t.length())).toList());
        if (operations.isEmpty()) {
            throw new IllegalStateException("no plannable operation generated for " + file);
        }
        System.out.printf("%n%s: %d operations, %d fetches in all%n", file.getFileName(), operations.size(),
                operations.stream().mapToInt(op -> planner.plan(op, Map.of(), Map.of()).fetches().size()).sum());
    }

    private static Path repo() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("deploy/base/gateway/supergraph.graphql"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new UncheckedIOException(new IOException("run inside the repository"));
        }
        return p;
    }

    @Benchmark
    public void planCold(Blackhole bh) {
        for (OperationDefinition op : operations) {
            bh.consume(planner.plan(op, Map.of(), Map.of()));
        }
    }

    @Benchmark
    public void prepareAndPlanCold(Blackhole bh) {
        for (String text : texts) {
            Document doc = Parser.parse(text);
            bh.consume(new Validator().validateDocument(graph.apiSchema(), doc, java.util.Locale.ENGLISH));
            bh.consume(planner.plan((OperationDefinition) doc.getDefinitions().get(0), Map.of(), Map.of()));
        }
    }

    @Benchmark
    public void cached(Blackhole bh) {
        for (String text : texts) {
            PreparedDocument doc = engine.prepare(text);
            QueryPlan plan = engine.plan(doc, doc.operation(null), Map.of());
            bh.consume(plan);
        }
    }

    private static final GatewayConfig.Limits LIMITS = new GatewayConfig.Limits() {
        @Override
        public int maxRequestBytes() {
            return 1 << 20;
        }

        @Override
        public int maxDocumentSize() {
            return 1 << 20;
        }

        @Override
        public int maxDepth() {
            return 64;
        }

        @Override
        public int maxAliases() {
            return 1000;
        }

        @Override
        public int maxFields() {
            return 100_000;
        }
    };
}
